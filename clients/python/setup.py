"""Builds the gleaner package; generates the gRPC stubs from the protos.

The stubs are not checked in: `build_py` runs Debian's protoc with
grpc_python_plugin (or grpc_tools.protoc when that is all there is) on
../../proto/gleaner/v1/*.proto and writes them to gleaner/_pb in the build
directory, with their imports rewritten to that package. Set
GLEANER_PROTO_ROOT to build from a tree where the protos live elsewhere.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
PROTO_PACKAGE = "proto/gleaner/v1"
STUB_PACKAGE = "gleaner._pb"


def proto_root():
    root = os.environ.get("GLEANER_PROTO_ROOT") or os.path.join(HERE, "..", "..")
    root = os.path.abspath(root)
    if not glob.glob(os.path.join(root, PROTO_PACKAGE, "*.proto")):
        sys.exit(f"gleaner: no {PROTO_PACKAGE}/*.proto under {root}; install "
                 "from a clone of the repository or set GLEANER_PROTO_ROOT")
    return root


def protoc_command(root, out):
    """protoc with the gRPC plugin: Debian's binaries, else grpc_tools."""
    protoc = shutil.which("protoc")
    plugin = shutil.which("grpc_python_plugin")
    if protoc and plugin:
        return [protoc, f"--plugin=protoc-gen-grpc_python={plugin}",
                f"-I{root}", f"--python_out={out}", f"--grpc_python_out={out}"]
    try:
        import grpc_tools  # noqa: F401  (python3-grpc-tools)
    except ImportError:
        sys.exit("gleaner: needs protoc and grpc_python_plugin "
                 "(apt-get install protobuf-compiler protobuf-compiler-grpc)")
    return [sys.executable, "-m", "grpc_tools.protoc", f"-I{root}",
            f"--python_out={out}", f"--grpc_python_out={out}"]


def generate_stubs(target):
    """Writes the *_pb2.py and *_pb2_grpc.py modules into `target`."""
    root = proto_root()
    protos = sorted(os.path.relpath(p, root) for p in
                    glob.glob(os.path.join(root, PROTO_PACKAGE, "*.proto")))
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(protoc_command(root, out) + protos, check=True)
        os.makedirs(target, exist_ok=True)
        # protoc writes `from proto.gleaner.v1 import x_pb2`; the installed
        # package must not claim a top-level `proto` module.
        importer = re.compile(r"^from proto\.gleaner\.v1 import", re.M)
        for path in glob.glob(os.path.join(out, PROTO_PACKAGE, "*.py")):
            with open(path, encoding="utf-8") as f:
                code = importer.sub(f"from {STUB_PACKAGE} import", f.read())
            with open(os.path.join(target, os.path.basename(path)), "w",
                      encoding="utf-8") as f:
                f.write(code)
    with open(os.path.join(target, "__init__.py"), "w", encoding="utf-8") as f:
        f.write('"""Generated from proto/gleaner/v1 at install time."""\n')


class BuildWithStubs(build_py):
    def run(self):
        super().run()
        generate_stubs(os.path.join(self.build_lib, *STUB_PACKAGE.split(".")))


setup(cmdclass={"build_py": BuildWithStubs})
