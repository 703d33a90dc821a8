"""Checks deploy/Dockerfile against the binaries it ships, without a
container engine (none runs here or in CI): the build stage builds and
copies every server and the CLI, and the runtime stage installs the Debian
package of every shared library those binaries link directly (a missing
one would make the image's servers fail at exec time).

The libraries are read from the binaries Bazel built (readelf's NEEDED
entries, resolved by ldd, mapped to packages by dpkg), on the same Debian
release the Dockerfile's stages use. A package counts as installed when the
runtime stage's `apt-get install` names it, or when one of those packages
or `apt` (in every Debian image) depends on it directly.
"""

import os
import re
import subprocess
import unittest

WORKSPACE = os.path.join(os.environ.get("TEST_SRCDIR", "."),
                         os.environ.get("TEST_WORKSPACE", "gleaner"))
BINARIES = (
    "cli/gleaner",
    "services/coordinator/coordinator_server",
    "services/aggregator/aggregator_server",
    "workers/dedup/dedup_server",
    "workers/sentence/sentence_server",
    "workers/extract/extract_server",
)


def path(relative):
    return os.path.join(WORKSPACE, relative)


def stages(dockerfile):
    """{stage name or base image: its text}, in order."""
    parts = re.split(r"^FROM\s+", dockerfile, flags=re.M)[1:]
    named = {}
    for part in parts:
        header, _, body = part.partition("\n")
        words = header.split()
        name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else words[0]
        named[name] = body
    return named


def installed_packages(stage_text):
    """The packages a stage's `apt-get install` lines name."""
    packages = set()
    joined = stage_text.replace("\\\n", " ")
    for match in re.finditer(r"apt-get install([^&;\n]*)", joined):
        packages.update(w for w in match.group(1).split() if not w.startswith("-"))
    return packages


def direct_dependencies(package):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", package],
                         capture_output=True, text=True, check=True).stdout
    names = set()
    for clause in out.split(","):
        for alternative in clause.split("|"):
            name = alternative.strip().split(" ")[0].split(":")[0]
            if name:
                names.add(name)
    return names


def needed_libraries(binary):
    """{library soname: its file} for the libraries `binary` links directly."""
    dynamic = subprocess.run(["readelf", "-d", binary], capture_output=True,
                             text=True, check=True).stdout
    needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic))
    resolved = {}
    for line in subprocess.run(["ldd", binary], capture_output=True, text=True,
                               check=True).stdout.splitlines():
        match = re.match(r"\s*(\S+) => (/\S+)", line)
        if match:
            resolved[match.group(1)] = os.path.realpath(match.group(2))
        match = re.match(r"\s*(/\S+) \(", line)  # the dynamic loader
        if match:
            resolved[os.path.basename(match.group(1))] = os.path.realpath(match.group(1))
    missing = needed - set(resolved)
    if missing:
        raise AssertionError(f"{binary}: {sorted(missing)} do not resolve")
    return {library: resolved[library] for library in needed}


def owning_packages(files):
    """{file: the package that installed it}, in one dpkg query. With merged
    /usr, dpkg may know a file under /lib rather than /usr/lib."""
    candidates = {}
    for file in files:
        candidates[file] = file
        if file.startswith("/usr/"):
            candidates[file[len("/usr"):]] = file
    out = subprocess.run(["dpkg-query", "-S"] + sorted(candidates),
                         capture_output=True, text=True, check=False).stdout
    owners = {}
    for line in out.splitlines():
        package, _, known = line.partition(": ")
        if known in candidates:
            owners[candidates[known]] = package.split(":")[0]
    unowned = set(files) - set(owners)
    if unowned:
        raise AssertionError(f"no package owns {sorted(unowned)}")
    return owners


class DockerfileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(path("deploy/Dockerfile"), encoding="utf-8") as f:
            cls.stages = stages(f.read())

    def test_build_stage_builds_and_copies_every_binary(self):
        build = self.stages["build"]
        for binary in BINARIES:
            package, name = binary.rsplit("/", 1)
            self.assertIn(f"//{package}:{name}", build, binary)
            self.assertIn(f"bazel-bin/{binary}", build, binary)

    def test_runtime_stage_installs_every_linked_library(self):
        runtime_base, runtime = list(self.stages.items())[-1]
        self.assertTrue(runtime_base.startswith("debian:12"), runtime_base)
        listed = installed_packages(runtime)
        self.assertTrue(listed, "the runtime stage installs nothing")
        present = set(listed) | direct_dependencies("apt")
        for package in listed:
            present |= direct_dependencies(package)
        libraries = {binary: needed_libraries(path(binary)) for binary in BINARIES}
        owners = owning_packages({f for needed in libraries.values() for f in needed.values()})
        for binary, needed in libraries.items():
            for library, file in sorted(needed.items()):
                with self.subTest(binary=binary, library=library):
                    self.assertTrue(owners[file] in present,
                                    f"{binary} links {library} from {owners[file]}, "
                                    "which the runtime stage does not install")


if __name__ == "__main__":
    unittest.main()
