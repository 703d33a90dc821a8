"""python3 -m gleaner: analyse, submit and report from the command line.

    python3 -m gleaner analyze --coordinator HOST:PORT "삼성전자는 ..."
    python3 -m gleaner submit --coordinator HOST:PORT FILES... [--format csv --output out]
    python3 -m gleaner report RESULTS.jsonl [--corpus-view VIEW.json] --output report.html

    python3 -m gleaner submit ... --output out.jsonl --resume JOB   # after an interruption

Exit codes: 0 all documents succeeded, 1 a document failed, 2 usage
errors, 3 the server could not be reached or the stream failed before the
job started, 6 the job was interrupted (coordinator lost or draining): the
message gives the command that resumes it (the same as `gleaner submit`).
"""

import argparse
import json
import os
import sys

EXIT_OK, EXIT_DOCUMENT_FAILED, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3
EXIT_INTERRUPTED = 6  # as `gleaner submit`: resume with --resume=JOB


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


def _delivered_ids(path):
    """The ids of the results an interrupted run wrote to `path`: a resumed
    job skips them, and its results are appended after them."""
    ids = set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                ids.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                raise ValueError(f"--resume: {path} line {number} is not a result")
    return ids


def _resume_command(args, job_id):
    return " ".join(["python3 -m gleaner submit", f"--resume={job_id}",
                     f"--coordinator={args.coordinator}", f"--output={args.output}",
                     *args.inputs])


def _submit(args):
    import grpc
    import gleaner
    if args.resume and (args.format != "jsonl" or args.output in (None, "-")):
        print("gleaner: --resume appends to the JSON Lines --output file of the "
              "interrupted run: give it", file=sys.stderr)
        return EXIT_USAGE
    try:
        skip_ids = _delivered_ids(args.output) if args.resume else set()
    except (OSError, ValueError) as error:
        print(f"gleaner: {error}", file=sys.stderr)
        return EXIT_USAGE
    documents = []
    with _client(args) as client:
        submission = client.submit(_expand(args.inputs), progress=args.progress,
                                   resume=args.resume, skip_ids=skip_ids)
        out = sys.stdout if args.format == "csv" or args.output in (None, "-") else \
            open(args.output, "a" if args.resume else "w", encoding="utf-8")
        announced = False
        try:
            for document in submission:
                if not announced:
                    announced = _announce(submission)
                if args.format == "jsonl":
                    print(_json_line(document), file=out, flush=True)
                else:
                    documents.append(document)
        except grpc.RpcError as error:
            if not submission.job_id:
                raise
            return _interrupted(args, submission.job_id, error.code().name)
        if submission.interrupted is not None or (submission.summary is None and
                                                  submission.job_id):
            return _interrupted(args, submission.job_id, "draining")
    if args.format == "csv":
        prefix = args.output if args.output not in (None, "-") else "gleaner"
        for path in gleaner.write_csv(documents, prefix).values():
            print(path, file=sys.stderr)
    summary = submission.summary
    if summary is not None:
        print(f"gleaner: {summary.documents} documents, {summary.failed_documents} failed",
              file=sys.stderr)
    return EXIT_DOCUMENT_FAILED if summary is None or summary.failed_documents else EXIT_OK


def _announce(submission):
    """Prints the job id once it is known, so that a lost run can be resumed."""
    if not submission.job_id:
        return False
    print(f"gleaner: job {submission.job_id}", file=sys.stderr, flush=True)
    return True


def _interrupted(args, job_id, reason):
    print(f"gleaner: job {job_id} interrupted ({reason}); resume it with:\n  "
          f"{_resume_command(args, job_id)}", file=sys.stderr)
    return EXIT_INTERRUPTED


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
    submit.add_argument("--resume", metavar="JOB",
                        help="resume this interrupted job (the id printed at start) with "
                        "the same inputs and --output file, which it appends to")
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
