"""Repository rules that stand in for repositories Bazel 4 would download."""

def _stub_rules_cc_impl(repository_ctx):
    repository_ctx.file("BUILD", "")
    repository_ctx.file("cc/BUILD", "")
    # Every rule forwards to the built-in rule of the same name.
    repository_ctx.file("cc/defs.bzl", "".join([
        "def %s(**kwargs):\n    native.%s(**kwargs)\n\n" % (rule, rule)
        for rule in ["cc_library", "cc_binary", "cc_test", "cc_import", "cc_proto_library", "cc_toolchain", "cc_toolchain_suite", "fdo_profile", "fdo_prefetch_hints", "objc_library", "objc_import"]
    ]))

stub_rules_cc = repository_rule(implementation = _stub_rules_cc_impl)

def _stub_coverage_tools_impl(repository_ctx):
    repository_ctx.file("fail.sh", "#!/bin/sh\necho 'coverage is not supported offline' >&2\nexit 1\n", executable = True)
    repository_ctx.file("BUILD", """
package(default_visibility = ["//visibility:public"])
sh_binary(name = "coverage_report_generator", srcs = ["fail.sh"])
sh_binary(name = "lcov_merger", srcs = ["fail.sh"])
filegroup(name = "coverage_output_generator", srcs = ["fail.sh"])
""")

stub_coverage_tools = repository_rule(implementation = _stub_coverage_tools_impl)
