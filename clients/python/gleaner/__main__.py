"""python3 -m gleaner: analyse, submit and report from the command line.

    python3 -m gleaner analyze --coordinator HOST:PORT "삼성전자는 ..."
    python3 -m gleaner submit --coordinator HOST:PORT FILES... [--format csv --output out]
    python3 -m gleaner report RESULTS.jsonl [--corpus-view VIEW.json] --output report.html

Exit codes: 0 all documents succeeded, 1 a document failed, 2 usage
errors, 3 the server could not be reached or the stream failed.
"""

import argparse
import json
import os
import sys

EXIT_OK, EXIT_DOCUMENT_FAILED, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3


def _expand(inputs):
    """Files and directories (walked, sorted, hidden entries skipped); '-'
    and *.jsonl files give one record per line."""
    for path in inputs:
        if path == "-":
            yield from _records(sys.stdin)
        elif path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                yield from _records(f)
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield _path(os.path.join(root, name))
        else:
            yield _path(path)


def _path(path):
    import pathlib
    return pathlib.Path(path)


def _records(lines):
    for line in lines:
        if line.strip():
            yield json.loads(line)


def _json_line(document):
    import dataclasses
    return json.dumps(dataclasses.asdict(document), ensure_ascii=False, default=str)


def _client(args):
    """A Client from the transport flags: TLS unless --plaintext."""
    import gleaner
    root_certificates = None
    if args.tls_ca:
        with open(args.tls_ca, "rb") as f:
            root_certificates = f.read()
    token = args.token
    if args.token_file:
        with open(args.token_file, encoding="utf-8") as f:
            token = f.read().strip()
    return gleaner.Client(args.coordinator, tls=not args.plaintext,
                          root_certificates=root_certificates, token=token)


def _analyze(args):
    text = sys.stdin.read() if args.text == "-" else args.text
    with _client(args) as client:
        document = client.analyze(text)
    print(_json_line(document))
    return EXIT_DOCUMENT_FAILED if document.failed else EXIT_OK


def _submit(args):
    import gleaner
    documents = []
    with _client(args) as client:
        submission = client.submit(_expand(args.inputs), progress=args.progress)
        out = sys.stdout if args.format == "csv" or args.output in (None, "-") else \
            open(args.output, "w", encoding="utf-8")
        for document in submission:
            if args.format == "jsonl":
                print(_json_line(document), file=out, flush=True)
            else:
                documents.append(document)
    if args.format == "csv":
        prefix = args.output if args.output not in (None, "-") else "gleaner"
        for path in gleaner.write_csv(documents, prefix).values():
            print(path, file=sys.stderr)
    summary = submission.summary
    if summary is not None:
        print(f"gleaner: {summary.documents} documents, {summary.failed_documents} failed",
              file=sys.stderr)
    return EXIT_DOCUMENT_FAILED if summary is None or summary.failed_documents else EXIT_OK


def _report(args):
    from gleaner import report, results
    documents = results.read_jsonl(args.results)
    report.write(documents, args.output, report.load_corpus_view(args.corpus_view),
                 title=args.title, max_documents=args.max_documents)
    print(f"gleaner: wrote {args.output} ({len(documents)} documents)", file=sys.stderr)
    return EXIT_OK


def parser():
    p = argparse.ArgumentParser(prog="python3 -m gleaner",
                                description="Gleaner: Korean news extraction.",
                                epilog=__doc__.split("\n\n")[-1],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=_version())
    commands = p.add_subparsers(dest="command", required=True)

    def client_options(sub):
        sub.add_argument("--coordinator", required=True, help="the coordinator's host:port")
        sub.add_argument("--tls-ca", help="PEM file of the CA that signs the "
                         "coordinator's certificate (default: the system's CAs)")
        sub.add_argument("--token-file", help="file holding this client's bearer token")
        sub.add_argument("--token", help="bearer token (visible to other users of "
                         "the machine: prefer --token-file)")
        sub.add_argument("--plaintext", action="store_true",
                         help="no TLS, for a coordinator started with --plaintext")

    analyze = commands.add_parser("analyze", help="analyse one text and print it as JSON")
    client_options(analyze)
    analyze.add_argument("text", help="the text, or '-' for stdin")
    analyze.set_defaults(run=_analyze)

    submit = commands.add_parser("submit", help="analyse files, directories or JSON Lines")
    client_options(submit)
    submit.add_argument("inputs", nargs="+",
                        help="files, directories, *.jsonl of {id, source, text|content}, or -")
    submit.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    submit.add_argument("--output", help="jsonl: a file (default stdout); "
                        "csv: the prefix of PREFIX.<table>.csv (default 'gleaner')")
    submit.add_argument("--progress", action="store_true", help="show a tqdm progress bar")
    submit.set_defaults(run=_submit)

    report = commands.add_parser("report", help="write an HTML report of a run's results")
    report.add_argument("results", help="JSON Lines from `gleaner run` or `gleaner submit`")
    report.add_argument("--corpus-view", "--corpus_view", dest="corpus_view",
                        help="the run's --corpus_view JSON")
    report.add_argument("--output", required=True, help="the HTML file to write")
    report.add_argument("--title", default="Gleaner report")
    report.add_argument("--max-documents", "--max_documents", dest="max_documents",
                        type=int, default=200, help="documents shown in full")
    report.set_defaults(run=_report)
    return p


def _version():
    from gleaner import __version__
    return f"gleaner (python) {__version__}"


def main(argv=None):
    args = parser().parse_args(argv)
    if args.command in ("analyze", "submit"):
        import grpc
        try:
            return args.run(args)
        except grpc.RpcError as error:
            print(f"gleaner: {error.code().name}: {error.details()}", file=sys.stderr)
            return EXIT_UNAVAILABLE
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
