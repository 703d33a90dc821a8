"""gleaner_fuzzer: a libFuzzer target plus a test that replays its seeds."""

def gleaner_fuzzer(name, srcs, deps, seeds):
    """Defines `name` (a fuzzer) and `name_seeds_test`.

    Under --config=fuzz (clang, tools/fuzz.sh) `name` links libFuzzer; in
    ordinary builds it links replay_main, which runs each input file once, so
    the GCC build still compiles it. `name_seeds_test` replays `seeds` (labels
    of files or filegroups) in every build, as part of `bazel test //...`.
    """
    native.cc_binary(
        name = name,
        srcs = srcs,
        deps = deps + select({
            "//tests/fuzz:libfuzzer": [],
            "//conditions:default": ["//tests/fuzz:replay_main"],
        }),
        linkopts = select({
            "//tests/fuzz:libfuzzer": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
    )
    native.cc_test(
        name = name + "_seeds_test",
        size = "small",
        srcs = srcs,
        deps = deps + ["//tests/fuzz:replay_main"],
        data = seeds,
        args = ["$(locations %s)" % seed for seed in seeds],
    )
