"""embedded_files(): data files compiled into C++ source (data/embed_files.sh)."""

def embedded_files(name, srcs, function, namespace, header, strip_to = None):
    """A genrule writing `name`.cc, which defines `namespace::function()`.

    The function returns the files of `srcs` as EmbeddedFile entries
    (data/embedded_file.h), in order. List the target in the srcs of the
    cc_library whose header declares the function, with a dependency on
    //data:embedded_file.

    Args:
      name: the genrule; its output is `name`.cc.
      srcs: the files, in the order the function returns them.
      function: the function's name, e.g. "DefaultLexiconFiles".
      namespace: its C++ namespace, e.g. "gleaner::workers::extract::amounts".
      header: the header that declares the function, included by the
        generated source so a mismatch fails to compile.
      strip_to: files are named by their path from this directory on
        ("data/gazetteer/"); by base name when None.
    """
    flags = "-f %s -n %s -h %s" % (function, namespace, header)
    if strip_to:
        flags += " -d " + strip_to
    native.genrule(
        name = name,
        srcs = srcs,
        outs = [name + ".cc"],
        cmd = "sh $(location //data:embed_files.sh) %s $(SRCS) > $@" % flags,
        tools = ["//data:embed_files.sh"],
    )
