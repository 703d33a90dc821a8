"""Test support: the package installed as a user would, and a corpus run.

`install()` copies clients/python and proto/ out of the runfiles into a
scratch "clone", installs it with Debian's pip (no build isolation, no
index: nothing is downloaded) into a target directory and puts that first
on sys.path, so `import gleaner` loads the installed package, stubs
generated at install time included.
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

from tests.integration import cluster

_installed = None
CORPUS = sorted(glob.glob(cluster.runfile("testdata/corpus") + "/*.txt"))


def install():
    """Installs the package once per process; returns the target directory."""
    global _installed
    if _installed:
        return _installed
    clone = tempfile.mkdtemp(prefix="gleaner-clone-")
    # copytree follows the runfiles' symlinks: the clone holds real files.
    shutil.copytree(cluster.runfile("clients/python"), os.path.join(clone, "clients/python"),
                    ignore=shutil.ignore_patterns("tests", "BUILD", "__pycache__"))
    shutil.copytree(cluster.runfile("proto/gleaner/v1"), os.path.join(clone, "proto/gleaner/v1"),
                    ignore=lambda d, names: [n for n in names if not n.endswith(".proto")])
    target = os.path.join(clone, "site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-build-isolation",
                    "--no-index", "--no-deps", "--no-cache-dir", "--root-user-action=ignore", "--target", target,
                    os.path.join(clone, "clients/python")],
                   check=True, env=dict(os.environ, HOME=clone, PIP_DISABLE_PIP_VERSION_CHECK="1"))
    sys.path.insert(0, target)
    _installed = target
    return target


def python_env():
    """Environment for a subprocess that should import the installed package."""
    return dict(os.environ, PYTHONPATH=install())


def run_corpus(out_dir, *extra):
    """`gleaner run` on the bundled corpus; returns (jsonl path, view path)."""
    results = os.path.join(out_dir, "results.jsonl")
    view = os.path.join(out_dir, "view.json")
    cluster.gleaner("run", *CORPUS, "--output=" + results, "--corpus_view=" + view,
                    "--progress=false", *extra)
    return results, view


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
