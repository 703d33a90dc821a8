"""A small Python client for Gleaner's Coordinator, over the generated stubs.

    from clients.python.gleaner_client import GleanerClient
    with GleanerClient("localhost:7000") as client:
        batch = client.submit_files(["corpus/a.txt", "corpus/b.html"])
        for result in batch.results:        # gleaner.v1.DocumentResult
            print(result.id, len(result.amounts))
        print(batch.summary.documents)

Run as a program it submits files and prints one JSON object per document:

    gleaner_client --coordinator localhost:7000 corpus/*.txt
"""

import argparse
import json
import os
import sys
import threading

import grpc
from google.protobuf import json_format

from proto.gleaner.v1 import coordinator_service_pb2
from proto.gleaner.v1 import coordinator_service_pb2_grpc
from proto.gleaner.v1 import document_pb2

# The coordinator's limits (services/common/document_limits.h).
_MAX_RECEIVE_BYTES = 144 << 20
_MAX_SEND_BYTES = 64 << 20


class Batch:
    """What one Submit stream returned."""

    def __init__(self):
        self.job_id = ""
        self.results = []  # DocumentResult, in completion order
        self.summary = None  # BatchSummary
        self.corpus_view = None  # CorpusView, when asked for


class JobInterrupted(Exception):
    """The coordinator stopped the job mid-batch (it drained on SIGTERM).

    Every document it admitted was answered first: `batch.results` holds
    them. Resume with submit(remaining_documents, resume_job_id=job_id) once
    a coordinator sharing the job journal answers.
    """

    def __init__(self, job_id, batch, error):
        super().__init__(f"job {job_id} interrupted: {error.details()}")
        self.job_id = job_id
        self.batch = batch


class GleanerClient:
    """Submits documents to a coordinator. One client may run many batches.

    `root_certificates` (PEM bytes of the CA) opens a TLS channel and `token`
    is sent as a bearer token on every call; with neither, the channel is
    plaintext (a coordinator started with --plaintext).
    """

    def __init__(self, address, timeout=None, root_certificates=None, token=None):
        options = [("grpc.max_receive_message_length", _MAX_RECEIVE_BYTES),
                   ("grpc.max_send_message_length", _MAX_SEND_BYTES)]
        if root_certificates is None:
            self._channel = grpc.insecure_channel(address, options=options)
        else:
            self._channel = grpc.secure_channel(
                address, grpc.ssl_channel_credentials(root_certificates), options=options)
        self._metadata = [("authorization", f"Bearer {token}")] if token else None
        self._stub = coordinator_service_pb2_grpc.CoordinatorStub(self._channel)
        self._timeout = timeout

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._channel.close()

    def submit(self, documents, include_corpus_view=False, on_result=None,
               resume_job_id=""):
        """Streams RawDocuments (any iterable, consumed lazily) and returns a Batch.

        `on_result`, if given, is called with each DocumentResult as it arrives.
        With `resume_job_id`, continues that job: send only the documents that
        got no result. Raises JobInterrupted when the coordinator drains, and
        grpc.RpcError when the stream fails otherwise.
        """
        interrupted = threading.Event()

        def requests():
            options = coordinator_service_pb2.BatchOptions(
                include_corpus_view=include_corpus_view, resume_job_id=resume_job_id)
            yield coordinator_service_pb2.SubmitRequest(options=options)
            for document in documents:
                if interrupted.is_set():
                    return  # the coordinator takes no more: resume later
                yield coordinator_service_pb2.SubmitRequest(document=document)

        batch = Batch()
        try:
            self._read(self._stub.Submit(requests(), timeout=self._timeout,
                                       metadata=self._metadata), batch,
                       include_corpus_view, on_result, interrupted)
        except grpc.RpcError as error:
            if interrupted.is_set():
                raise JobInterrupted(batch.job_id, batch, error) from error
            raise
        return batch

    @staticmethod
    def _read(responses, batch, include_corpus_view, on_result, interrupted):
        for response in responses:
            kind = response.WhichOneof("response")
            if kind == "result":
                batch.results.append(response.result)
                if on_result is not None:
                    on_result(response.result)
            elif kind == "progress":
                batch.job_id = response.progress.job_id
            elif kind == "end":
                batch.summary = response.end.summary
                if include_corpus_view:
                    batch.corpus_view = response.end.corpus_view
            elif kind == "interrupted":
                interrupted.set()

    def submit_files(self, paths, include_corpus_view=False, on_result=None,
                     resume_job_id=""):
        """Submits files (read one at a time) with their paths as ids."""
        return self.submit((read_document(p) for p in paths),
                           include_corpus_view=include_corpus_view,
                           on_result=on_result, resume_job_id=resume_job_id)

    def job_status(self, job_id):
        """Returns the JobStatus of a job."""
        return self._stub.GetJobStatus(
            coordinator_service_pb2.GetJobStatusRequest(job_id=job_id),
            timeout=self._timeout, metadata=self._metadata)


def read_document(path):
    """Reads a file into a RawDocument whose id and source are its path."""
    with open(path, "rb") as f:
        content = f.read()
    document = document_pb2.RawDocument(id=path, source=path, content=content)
    if path.lower().endswith((".html", ".htm")):
        document.content_type = document_pb2.CONTENT_TYPE_HTML
    return document


def to_json_line(result):
    """The same JSON form as `gleaner run`: proto field names, one line."""
    return json.dumps(json_format.MessageToDict(result, preserving_proto_field_name=True),
                      ensure_ascii=False, separators=(",", ":"))


def _expand(inputs):
    for path in inputs:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--coordinator", required=True, help="host:port")
    parser.add_argument("inputs", nargs="+", help="files or directories")
    args = parser.parse_args(argv)
    lock = threading.Lock()

    def show(result):
        with lock:
            print(to_json_line(result), flush=True)

    with GleanerClient(args.coordinator) as client:
        batch = client.submit_files(_expand(args.inputs), on_result=show)
    if batch.summary is None:
        print("the batch ended without a summary", file=sys.stderr)
        return 1
    s = batch.summary
    print(f"{s.documents} documents, {s.failed_documents} failed, "
          f"{s.amounts} amounts, {s.entities} entities", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
