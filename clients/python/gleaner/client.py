"""Clients for a Gleaner coordinator: blocking (Client) and asyncio (AsyncClient).

    with gleaner.Client("localhost:7000") as client:
        doc = client.analyze("삼성전자는 3조 원을 투자했다.")
        for result in client.submit(["a.txt", {"id": "b", "text": "..."}]):
            print(result.id, len(result.entities))

TLS is the default, as on Gleaner's servers (docs/security.md): give the
CA that signs the coordinator's certificate as `root_certificates` (PEM
bytes; the system's CAs otherwise) and the client's bearer token as `token`
(sent as `authorization: Bearer <token>` on every call). `tls=False` is
plaintext, for a coordinator started with --plaintext.

    with gleaner.Client("gleaner:7000", root_certificates=open("ca.crt", "rb").read(),
                        token=open("newsroom.token").read().strip()) as client:
        ...

A job interrupted by the coordinator (a crash, or draining on SIGTERM: the
stream raises grpc.RpcError, UNAVAILABLE) is resumed by its id, on any
coordinator sharing the job journal, sending again the documents that got no
result; the coordinator answers each document of the job once:

    submission = client.submit(records)
    try:
        for doc in submission:
            keep(doc)
    except grpc.RpcError:
        submission = client.submit(records, resume=submission.job_id,
                                   skip_ids=submission.received_ids)
        for doc in submission:
            keep(doc)
"""

import os
import pathlib
import uuid
from typing import Iterable, Iterator, Optional

import grpc

from gleaner import results
from gleaner._stubs import coordinator_service_pb2 as coordinator_pb2
from gleaner._stubs import coordinator_service_pb2_grpc as coordinator_grpc
from gleaner._stubs import document_pb2

# The coordinator's message limits (services/common/document_limits.h):
# results up to max_message_bytes, one document per request up to
# max_submit_message_bytes.
_MAX_RECEIVE_BYTES = 144 << 20
_MAX_SEND_BYTES = 64 << 20
_CHANNEL_OPTIONS = [("grpc.max_receive_message_length", _MAX_RECEIVE_BYTES),
                    ("grpc.max_send_message_length", _MAX_SEND_BYTES)]
# A string longer than this, or with a newline, is text, never a path.
_MAX_PATH_LENGTH = 4096


def to_raw_document(item) -> document_pb2.RawDocument:
    """Turns one input into a RawDocument.

    - `pathlib.Path`: the file (id and source are its path; .html/.htm is HTML);
    - `str`: a file when it names an existing file, else the text itself;
    - `bytes`: raw content;
    - `dict`: {id, source, text | content, content_type, encoding, metadata},
      the same records the `gleaner` command reads from JSON Lines;
    - a RawDocument as it is.
    Documents without an id get a fresh random one ("doc-" and 16 hex
    digits): the dedup index outlives a batch, and an id it has seen with
    other content is refused, so ids must not repeat across batches.
    """
    if isinstance(item, document_pb2.RawDocument):
        return item
    if isinstance(item, pathlib.PurePath) or (
            isinstance(item, str) and "\n" not in item
            and len(item) < _MAX_PATH_LENGTH and os.path.isfile(item)):
        return read_file(os.fspath(item))
    if isinstance(item, str):
        return document_pb2.RawDocument(id=_new_id(), content=item.encode("utf-8"),
                                        content_type=document_pb2.CONTENT_TYPE_PLAIN_TEXT)
    if isinstance(item, (bytes, bytearray)):
        return document_pb2.RawDocument(id=_new_id(), content=bytes(item))
    if isinstance(item, dict):
        return _from_record(item)
    raise TypeError(f"cannot submit a {type(item).__name__}: give a path, "
                    "a string, bytes, a dict or a RawDocument")


def _new_id() -> str:
    return "doc-" + uuid.uuid4().hex[:16]


def _from_record(record: dict) -> document_pb2.RawDocument:
    if "text" in record and "content" in record:
        raise ValueError("a record has either 'text' or 'content', not both")
    content = record.get("text", record.get("content", ""))
    if isinstance(content, str):
        content = content.encode("utf-8")
    document = document_pb2.RawDocument(
        id=str(record.get("id") or _new_id()),
        source=str(record.get("source", "")),
        content=content,
        encoding=record.get("encoding", ""),
        metadata={str(k): str(v) for k, v in (record.get("metadata") or {}).items()})
    content_type = record.get("content_type")
    if content_type:
        name = str(content_type).upper()
        if not name.startswith("CONTENT_TYPE_"):
            name = "CONTENT_TYPE_" + name
        document.content_type = document_pb2.ContentType.Value(name)
    elif "text" in record:
        document.content_type = document_pb2.CONTENT_TYPE_PLAIN_TEXT
    return document


def read_file(path: str) -> document_pb2.RawDocument:
    """Reads a file into a RawDocument whose id and source are its path."""
    with open(path, "rb") as f:
        content = f.read()
    document = document_pb2.RawDocument(id=path, source=path, content=content)
    if path.lower().endswith((".html", ".htm")):
        document.content_type = document_pb2.CONTENT_TYPE_HTML
    return document


def _credentials(tls, root_certificates, private_key, certificate_chain, token):
    """Channel credentials, or None for a plain channel."""
    if not tls:
        return None
    credentials = grpc.ssl_channel_credentials(
        root_certificates=root_certificates, private_key=private_key,
        certificate_chain=certificate_chain)
    if token:
        credentials = grpc.composite_channel_credentials(
            credentials, grpc.access_token_call_credentials(token))
    return credentials


class _Options:
    """What both clients share: channel settings and call metadata."""

    def __init__(self, address, tls, root_certificates, private_key,
                 certificate_chain, token, server_name, timeout, options):
        self.address = address
        self.credentials = _credentials(tls, root_certificates, private_key,
                                        certificate_chain, token)
        self.channel_options = list(_CHANNEL_OPTIONS) + list(options)
        if server_name:
            self.channel_options.append(("grpc.ssl_target_name_override", server_name))
        # gRPC refuses call credentials on a plain channel; send the token
        # as metadata there (e.g. behind a TLS-terminating proxy).
        self.metadata = [("authorization", f"Bearer {token}")] if token and not tls else None
        self.timeout = timeout


class Submission:
    """Results of one batch, yielded as they complete (not in input order).

    `job_id` is the coordinator's job id from its first message on, and
    `received_ids` the ids of the results yielded so far: what a resume
    skips. After iteration, `summary` holds the batch totals (of the whole
    job when resumed), `corpus_view` the corpus view (when asked for).
    `interrupted` is set when the coordinator stopped taking documents
    (draining) before iteration raised grpc.RpcError: resume the job.
    """

    def __init__(self, responses, total=None, progress=False, resume=None):
        self._responses = responses
        self._resume = resume
        self.job_id = ""
        self.received_ids = set()
        # Results the job delivered before this stream (resumed jobs).
        self.delivered_before = 0
        self.interrupted = None
        self.summary = None
        self.corpus_view = None
        self.corpus_view_error = ""
        self._bar = _progress_bar(total) if progress else None

    def _handle(self, response):
        """Returns a Document for a result response, else None."""
        kind = response.WhichOneof("response")
        if kind == "result":
            document = results.convert(response.result)
            self.received_ids.add(document.id)
            if self._bar is not None:
                self._bar.update(1)
            return document
        if kind == "progress":
            if not self.job_id:
                self._started(response.progress)
            self.job_id = response.progress.job_id
        elif kind == "interrupted":
            self.interrupted = results.convert(response.interrupted)
        elif kind == "end":
            self.summary = results.convert(response.end.summary)
            if response.end.HasField("corpus_view"):
                self.corpus_view = results.convert(response.end.corpus_view)
            self.corpus_view_error = response.end.corpus_view_error
            if self._bar is not None:
                self._bar.close()
        return None

    def _started(self, progress):
        if self._resume and progress.job_id != self._resume:
            # A coordinator older than resumable jobs started a new job.
            self.cancel()
            raise RuntimeError(f"the coordinator cannot resume job {self._resume} "
                               f"(it started {progress.job_id})")
        if self._resume:
            self.delivered_before = progress.completed

    def __iter__(self) -> Iterator[results.Document]:
        for response in self._responses:
            document = self._handle(response)
            if document is not None:
                yield document

    def cancel(self):
        """Stops the batch early."""
        self._responses.cancel()


def _progress_bar(total):
    try:
        from tqdm import tqdm
    except ImportError as error:
        raise ImportError("progress=True needs tqdm (apt-get install python3-tqdm)") from error
    return tqdm(total=total, unit="doc", desc="gleaner")


def _requests(documents, corpus_view, top_entities, resume, skip_ids):
    # A resumed job keeps the options it started with (the journal has them).
    yield coordinator_pb2.SubmitRequest(options=coordinator_pb2.BatchOptions(
        include_corpus_view=corpus_view, top_entities=top_entities,
        resume_job_id=resume or ""))
    skip_ids = frozenset(skip_ids)
    for item in documents:
        document = to_raw_document(item)
        if document.id not in skip_ids:
            yield coordinator_pb2.SubmitRequest(document=document)


def _single(text, fields):
    """The input of analyze(): a string is always text, never a path."""
    if isinstance(text, str):
        return dict(fields, text=text)
    return text


class _ClientBase:
    """Channel and stub, shared by the blocking and the asyncio client."""

    def __init__(self, address: str, *, tls: bool = True,
                 root_certificates: Optional[bytes] = None,
                 private_key: Optional[bytes] = None,
                 certificate_chain: Optional[bytes] = None,
                 token: Optional[str] = None, server_name: Optional[str] = None,
                 timeout: Optional[float] = None, options=()):
        self._options = o = _Options(address, tls, root_certificates, private_key,
                                     certificate_chain, token, server_name, timeout, options)
        channels = self._channels()
        if o.credentials is None:
            self._channel = channels.insecure_channel(address, options=o.channel_options)
        else:
            self._channel = channels.secure_channel(address, o.credentials,
                                                    options=o.channel_options)
        self._stub = coordinator_grpc.CoordinatorStub(self._channel)

    @staticmethod
    def _channels():
        return grpc


class Client(_ClientBase):
    """A blocking client of one coordinator. Thread-safe: calls may overlap.

    Options: `tls` (True; with PEM `root_certificates`, `private_key`,
    `certificate_chain`, and `server_name` to override the name checked;
    False only for a --plaintext coordinator), `token`, `timeout` in seconds
    per call, extra gRPC channel `options`.
    """

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._channel.close()

    def submit(self, documents: Iterable, *, corpus_view: bool = False,
               top_entities: int = 0, progress: bool = False,
               total: Optional[int] = None, resume: Optional[str] = None,
               skip_ids: Iterable[str] = ()) -> Submission:
        """Streams `documents` (consumed lazily) and returns a Submission that
        yields each Document as it completes.

        `progress=True` shows a tqdm bar on stderr (total from `total` or
        len(documents)). `resume=JOB_ID` resumes an interrupted job instead
        of starting one: give the same documents (with ids of their own: a
        text without one gets a new random id each time) and, as `skip_ids`,
        the ids of the results already received, which are not sent again.
        Raises grpc.RpcError when the stream fails (NOT_FOUND for a job
        that is unknown or another client's), RuntimeError when the
        coordinator started a new job instead of resuming.
        """
        if total is None and hasattr(documents, "__len__"):
            total = len(documents)
        responses = self._stub.Submit(
            _requests(documents, corpus_view, top_entities, resume, skip_ids),
            timeout=self._options.timeout, metadata=self._options.metadata)
        return Submission(responses, total=total, progress=progress, resume=resume)

    def analyze(self, text, **fields) -> results.Document:
        """Analyses one document: a string of text (or bytes, a dict, a path)."""
        documents = list(self.submit([_single(text, fields)]))
        if len(documents) != 1:
            raise RuntimeError(f"expected one result, got {len(documents)}")
        return documents[0]

    def job_status(self, job_id: str):
        """The state of a job (a generated JobStatus dataclass)."""
        return results.convert(self._stub.GetJobStatus(
            coordinator_pb2.GetJobStatusRequest(job_id=job_id),
            timeout=self._options.timeout, metadata=self._options.metadata))


class AsyncClient(_ClientBase):
    """An asyncio client on grpc.aio, with Client's options; use it inside a
    running event loop.

        async with gleaner.AsyncClient("localhost:7000") as client:
            doc = await client.analyze("...")
            async for doc in client.submit(paths):
                ...
    """

    def __init__(self, address: str, **options):
        super().__init__(address, **options)
        self.last_submission = None

    @staticmethod
    def _channels():
        from grpc import aio
        return aio

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()

    async def close(self):
        await self._channel.close()

    async def submit(self, documents: Iterable, *, corpus_view: bool = False,
                     top_entities: int = 0, progress: bool = False,
                     total: Optional[int] = None, resume: Optional[str] = None,
                     skip_ids: Iterable[str] = ()):
        """Async generator of Documents as they complete; the batch's
        summary, corpus view, job id and received ids end up in
        `self.last_submission` (set before the first document). `resume`
        and `skip_ids` as in Client.submit."""
        if total is None and hasattr(documents, "__len__"):
            total = len(documents)
        call = self._stub.Submit(_requests(documents, corpus_view, top_entities,
                                           resume, skip_ids),
                                 timeout=self._options.timeout,
                                 metadata=self._options.metadata)
        submission = Submission(call, total=total, progress=progress, resume=resume)
        self.last_submission = submission
        async for response in call:
            document = submission._handle(response)
            if document is not None:
                yield document

    async def analyze(self, text, **fields) -> results.Document:
        """Analyses one document (see Client.analyze)."""
        documents = [d async for d in self.submit([_single(text, fields)])]
        if len(documents) != 1:
            raise RuntimeError(f"expected one result, got {len(documents)}")
        return documents[0]
