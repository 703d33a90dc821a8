"""gRPC C++ and Python code generation for Bazel 4, which has no built-in rule.

The rules run the system protoc with Debian's grpc_cpp_plugin and
grpc_python_plugin on the sources of a `proto_library`. Imports are resolved
from the proto_library's transitive import paths, so the well-known types of
@com_google_protobuf work.

Targets follow a fixed chain (see proto/gleaner/v1/BUILD):
  foo_proto -> foo_cc_proto -> foo_cc_grpc -> foo_py_pb2 -> foo_py_pb2_grpc
"""

def _protoc_args(ctx, proto_info):
    args = ctx.actions.args()
    for path in proto_info.transitive_proto_path.to_list():
        args.add("-I" + path)
    return args

def _stem(src):
    return src.basename[:-len(".proto")]

def _generate(ctx, suffixes, out_flag, plugin):
    proto_info = ctx.attr.proto[ProtoInfo]
    outputs = []
    for src in proto_info.direct_sources:
        for suffix in suffixes:
            outputs.append(ctx.actions.declare_file(_stem(src) + suffix, sibling = src))
    args = _protoc_args(ctx, proto_info)
    if plugin:
        args.add("--plugin=protoc-gen-plugin=" + plugin)
        args.add("--plugin_out=" + ctx.bin_dir.path)
    else:
        args.add(out_flag + "=" + ctx.bin_dir.path)
    args.add_all(proto_info.direct_sources)
    ctx.actions.run(
        executable = ctx.executable._protoc,
        arguments = [args],
        inputs = proto_info.transitive_sources,
        outputs = outputs,
        mnemonic = "ProtocPlugin",
        progress_message = "Generating %s from %s" % (suffixes, ctx.label),
    )
    return outputs

def _cc_grpc_sources_impl(ctx):
    outputs = _generate(ctx, [".grpc.pb.h", ".grpc.pb.cc"], None, "/usr/bin/grpc_cpp_plugin")
    return [DefaultInfo(files = depset(outputs))]

_cc_grpc_sources = rule(
    implementation = _cc_grpc_sources_impl,
    attrs = {
        "proto": attr.label(providers = [ProtoInfo], mandatory = True),
        "_protoc": attr.label(default = "@com_google_protobuf//:protoc", executable = True, cfg = "host"),
    },
)

def cc_grpc_library(name, proto, cc_proto, visibility = None):
    """C++ gRPC stubs for the services in `proto`; `cc_proto` holds its messages."""
    _cc_grpc_sources(name = name + "_sources", proto = proto)
    native.cc_library(
        name = name,
        srcs = [":" + name + "_sources"],
        deps = [cc_proto, "//third_party:grpc"],
        visibility = visibility,
    )

def _py_sources_impl(ctx):
    if ctx.attr.grpc:
        outputs = _generate(ctx, ["_pb2_grpc.py"], None, "/usr/bin/grpc_python_plugin")
    else:
        outputs = _generate(ctx, ["_pb2.py"], "--python_out", None)
    return [DefaultInfo(files = depset(outputs), runfiles = ctx.runfiles(files = outputs))]

_py_sources = rule(
    implementation = _py_sources_impl,
    attrs = {
        "proto": attr.label(providers = [ProtoInfo], mandatory = True),
        "grpc": attr.bool(default = False),
        "_protoc": attr.label(default = "@com_google_protobuf//:protoc", executable = True, cfg = "host"),
    },
)

def py_proto_library(name, proto, deps = [], visibility = None):
    """Python messages (`*_pb2.py`) for `proto`."""
    _py_sources(name = name + "_sources", proto = proto)
    native.py_library(name = name, srcs = [":" + name + "_sources"], deps = deps, visibility = visibility)

def py_grpc_library(name, proto, deps = [], visibility = None):
    """Python gRPC stubs (`*_pb2_grpc.py`) for the services in `proto`."""
    _py_sources(name = name + "_sources", proto = proto, grpc = True)
    native.py_library(name = name, srcs = [":" + name + "_sources"], deps = deps, visibility = visibility)
