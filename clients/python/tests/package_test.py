"""The installed `gleaner` package against real servers on loopback."""

import asyncio
import contextlib
import dataclasses
import io
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import unittest

from clients.python.tests import support
from tests.integration import cluster

TARGET = support.install()
import gleaner  # noqa: E402  (the installed copy, first on sys.path)
from gleaner import results  # noqa: E402
from gleaner._stubs import coordinator_service_pb2 as coordinator_pb2  # noqa: E402
from gleaner._stubs import coordinator_service_pb2_grpc as coordinator_grpc  # noqa: E402
from gleaner._stubs import document_pb2  # noqa: E402

KOREAN = ("삼성전자는 지난해 미국 텍사스에 170억 달러를 투자했다고 밝혔다. "
          "이재용 회장은 \"반도체 투자를 20% 늘리겠다\"고 말했다.")


def fresh(tag):
    """KOREAN, made new: the cluster's dedup index remembers every text."""
    return f"{KOREAN} ({tag})"


def connect(client_class=None, **options):
    """A client of the test cluster, over TLS with the first client's token."""
    return (client_class or gleaner.Client)(
        CLUSTER.coordinator.address, root_certificates=SECURITY.pem("ca.crt"),
        token=SECURITY.tokens["alice"], **options)


def cli_transport_flags():
    """python3 -m gleaner's TLS and token flags for the test cluster."""
    token_file = SECURITY.path("alice.token")
    with open(token_file, "w", encoding="ascii") as f:
        f.write(SECURITY.tokens["alice"] + "\n")
    return ["--tls-ca", SECURITY.path("ca.crt"), "--token-file", token_file]


def setUpModule():
    global CLUSTER, SECURITY, CORPUS_SUBMISSION, CORPUS_DOCS
    # Mutual TLS and tokens, as Gleaner runs by default.
    SECURITY = cluster.Security.create(clients=("alice", "bob"))
    CLUSTER = cluster.Cluster(security=SECURITY)
    # The corpus goes through once: sent again, it would come back as exact
    # duplicates (the cluster's dedup index remembers it).
    with connect(timeout=300) as client:
        CORPUS_SUBMISSION = client.submit([pathlib.Path(p) for p in support.CORPUS],
                                          corpus_view=True)
        CORPUS_DOCS = list(CORPUS_SUBMISSION)


def tearDownModule():
    CLUSTER.stop()


class InstalledPackageTest(unittest.TestCase):

    def test_imports_the_installed_copy_with_generated_stubs(self):
        self.assertTrue(gleaner.__file__.startswith(TARGET), gleaner.__file__)
        self.assertTrue(document_pb2.__file__.startswith(TARGET), document_pb2.__file__)

    def test_import_from_another_directory_needs_no_pythonpath_but_the_install(self):
        code = "import gleaner, sys; print(gleaner.__version__)"
        out = subprocess.run([sys.executable, "-c", code], env=support.python_env(),
                             cwd=tempfile.gettempdir(), capture_output=True, text=True, check=True)
        self.assertEqual(out.stdout.strip(), gleaner.__version__)


class ClientTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.client = connect(timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()

    def test_analyze_one_korean_string_with_character_offsets(self):
        text = fresh("analyze")
        doc = self.client.analyze(text)
        self.assertIsInstance(doc, gleaner.Document)
        self.assertEqual(doc.text, text)
        self.assertFalse(doc.failed, doc.errors)
        self.assertIn("삼성전자", [e.text for e in doc.entities])
        self.assertIn("170억 달러", [a.text for a in doc.amounts])
        for span in doc.spans():
            self.assertEqual(doc.text[span.start:span.end], span.text)
            self.assertEqual(text.encode()[span.byte_start:span.byte_end].decode(), span.text)
        # Korean takes three bytes a syllable: byte and character offsets differ.
        second = doc.sentences[1]
        self.assertGreater(second.byte_start, second.start)

    def test_every_field_is_present_even_at_its_default(self):
        doc = self.client.analyze(fresh("defaults"))
        self.assertEqual(doc.sentences[0].start, 0)
        self.assertEqual(doc.sentences[0].byte_start, 0)
        money = next(a for a in doc.amounts if a.kind == "MONEY")
        self.assertEqual(money.value, gleaner_decimal("17000000000"))
        self.assertEqual(money.currency, "USD")
        self.assertIsNone(money.conversion_of)
        self.assertFalse(money.vague)
        # 170억 달러 is 삼성전자's investment (issue 16).
        attribution = doc.attributions[0]
        self.assertIsInstance(attribution, gleaner.AmountAttribution)
        self.assertEqual(doc.amounts[attribution.amount_index].text, "170억 달러")
        self.assertEqual(attribution.canonical, "삼성전자")
        self.assertEqual(attribution.relation, "INVEST")
        self.assertIsNone(attribution.counterparty_index)
        self.assertEqual(attribution.conversions, [])
        self.assertIn(doc.duplicate.kind, ("UNIQUE", "NEAR"))  # near: other tests' texts
        self.assertIsInstance(doc.duplicate.sequence, int)

    def test_submit_mixed_inputs_yields_each_result_once(self):
        path, path_string = support.CORPUS[0], support.CORPUS[1]
        inputs = [pathlib.Path(path), "짧은 기사. 현대차가 1조 원을 벌었다.",
                  {"id": "record", "source": "test", "text": fresh("record")},
                  {"id": "html", "content": "<p>카카오가 <b>네이버</b>와 만났다.</p>",
                   "content_type": "html"}, path_string]
        submission = self.client.submit(inputs)
        docs = {d.id: d for d in submission}
        generated = [i for i in docs if i.startswith("doc-")]
        self.assertEqual(len(generated), 1, docs)
        self.assertEqual(set(docs) - set(generated), {path, "record", "html", path_string})
        self.assertEqual(docs["record"].source, "test")
        self.assertEqual(docs["html"].content_type, "HTML")
        self.assertNotIn("<", docs["html"].text)
        self.assertEqual(submission.summary.documents, 5)
        self.assertEqual(submission.summary.failed_documents, 0)
        self.assertTrue(submission.job_id)

    def test_an_exact_duplicate_comes_with_its_own_text_and_character_spans(self):
        # Issue 10: a duplicate keeps its cleaned text, so every span of it
        # (repeated blocks included) resolves to characters.
        text = "중복 기사. 엘지가 5천억 원을 모았다."
        self.client.analyze(text)
        again = self.client.analyze(text, id="again")
        self.assertTrue(again.skipped_as_duplicate)
        self.assertEqual(again.duplicate.kind, "EXACT")
        self.assertEqual(again.text, text)
        for span in again.spans():
            self.assertIsNotNone(span.start)
            self.assertEqual(again.text[span.start:span.end], span.text)

    def test_dates_page_and_stories_are_exposed(self):
        # Fields added to DocumentResult after the dataclasses were written
        # (issue 18) come through as attributes, spans with character offsets.
        doc = self.client.analyze("엔비디아는 2025년 11월 25일 실적을 발표했다.")
        self.assertEqual([d.value for d in doc.dates], ["2025-11-25"])
        self.assertEqual(doc.dates[0].grain, "DAY")
        self.assertEqual(doc.text[doc.dates[0].start:doc.dates[0].end], "2025년 11월 25일")
        self.assertEqual(len(doc.stories), 1)
        self.assertIsNotNone(doc.page)

    def test_submit_is_lazy_and_streams_results_before_the_input_ends(self):
        seen = []

        def documents():
            for i in range(3):
                yield {"id": f"lazy-{i}", "text": f"기사 {i}. 삼성전자가 {i + 1}조 원을 썼다."}
                seen.append(i)

        ids = [d.id for d in self.client.submit(documents())]
        self.assertEqual(sorted(ids), ["lazy-0", "lazy-1", "lazy-2"])
        self.assertEqual(seen, [0, 1, 2])

    def test_progress_bar_counts_every_result(self):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            list(self.client.submit([fresh("bar 1"), fresh("bar 2")], progress=True))
        self.assertIn("2/2", err.getvalue())

    def test_character_offsets_round_trip_on_every_span_of_the_corpus(self):
        tmp = tempfile.mkdtemp(prefix="gleaner-offsets-")
        embedded = gleaner.read_jsonl(support.run_corpus(tmp)[0])
        for docs in (CORPUS_DOCS, embedded):
            self.assertEqual(sorted(d.id for d in docs), support.CORPUS)
            checked = 0
            for doc in docs:
                raw = doc.text.encode("utf-8")
                for span in doc.spans():
                    self.assertEqual(doc.text[span.start:span.end], span.text, (doc.id, span))
                    self.assertEqual(raw[span.byte_start:span.byte_end].decode("utf-8"),
                                     span.text, (doc.id, span))
                    checked += 1
            # Sentences, entities, amounts and blocks of five long articles.
            self.assertGreater(checked, 1000)
        self.assertEqual([d.entities for d in sorted(CORPUS_DOCS, key=lambda d: d.id)],
                         [d.entities for d in embedded])

    def test_corpus_view_and_generated_dataclasses_for_undeclared_messages(self):
        submission = CORPUS_SUBMISSION
        self.assertEqual(len(CORPUS_DOCS), len(support.CORPUS))
        view = submission.corpus_view
        self.assertTrue(dataclasses.is_dataclass(view))
        self.assertEqual(type(view).__name__, "CorpusView")
        self.assertEqual(view.documents, len(support.CORPUS))
        top = view.entity_counts[0]
        self.assertTrue(top.canonical)
        self.assertIn(top.type, ("ORGANIZATION", "PERSON", "LOCATION", "PRODUCT"))

    def test_async_client_gives_the_same_results(self):
        async def run():
            async with connect(gleaner.AsyncClient) as client:
                one = await client.analyze(fresh("async"))
                many = [d async for d in client.submit([fresh("async 1"), fresh("async 2")])]
                return one, many, client.last_submission.summary

        one, many, summary = asyncio.run(run())
        # The same text again would be an exact duplicate; a tag of the
        # same length keeps every offset.
        expected = self.client.analyze(fresh("asyng"))
        self.assertEqual(one.entities, expected.entities)
        self.assertEqual(one.amounts, expected.amounts)
        self.assertEqual(len(many), 2)
        self.assertEqual(summary.documents, 2)

    def test_unreachable_server_raises_rpc_error(self):
        import grpc
        with gleaner.Client("127.0.0.1:1", timeout=5) as client:
            with self.assertRaises(grpc.RpcError):
                client.analyze("기사.")


class ResumeTest(unittest.TestCase):
    """A job whose coordinator is SIGKILLed mid-batch, resumed by its id with
    the installed package (blocking client first, asyncio client for the
    resume) on a coordinator restarted on the same journal, under mutual TLS
    with tokens; another client's token gets nothing of the job."""

    COUNT = 120

    @classmethod
    def setUpClass(cls):
        # A cluster of its own: its coordinator is killed.
        cls.cluster = cluster.Cluster(security=SECURITY)

    @classmethod
    def tearDownClass(cls):
        cls.cluster.stop()

    def client(self, client_class=gleaner.Client, token="alice"):
        return client_class(self.cluster.coordinator.address,
                            root_certificates=SECURITY.pem("ca.crt"),
                            token=SECURITY.tokens[token], timeout=120)

    def test_sigkill_mid_batch_then_resume_by_job_id(self):
        import grpc
        records = [{"id": f"resume-{i:03d}", "text": fresh(f"resume {i}")}
                   for i in range(self.COUNT)]
        half = self.COUNT // 2
        release = threading.Event()

        def first_half_then_wait():
            # The stream stays open, half the batch unsent, until the
            # coordinator is gone (bounded wait: the test fails, not hangs).
            yield from records[:half]
            release.wait(120)

        first = []
        with self.client() as client:
            submission = client.submit(first_half_then_wait())
            try:
                with self.assertRaises(grpc.RpcError) as raised:
                    for doc in submission:
                        first.append(doc)
                        if len(first) == half:  # every sent document answered
                            self.cluster.coordinator.kill()
            finally:
                release.set()
        self.assertEqual(raised.exception.code(), grpc.StatusCode.UNAVAILABLE)
        self.assertEqual(len(first), half)
        job_id = submission.job_id
        self.assertRegex(job_id, r"^job-[0-9a-f]{32}$")
        self.assertEqual(submission.received_ids, {d.id for d in first})

        # Back on the same port and journal, as a restarted pod.
        port = self.cluster.coordinator.port
        self.cluster.coordinator = self.cluster.add_coordinator(port=port)
        with self.client(token="bob") as bob:
            for call in (lambda: bob.job_status(job_id),
                         lambda: list(bob.submit(records, resume=job_id))):
                with self.assertRaises(grpc.RpcError) as refused:
                    call()
                self.assertEqual(refused.exception.code(), grpc.StatusCode.NOT_FOUND)
                self.assertEqual(refused.exception.details(), f"unknown job '{job_id}'")
        with self.client() as client:
            status = client.job_status(job_id)
        self.assertEqual(status.state, "INTERRUPTED")
        self.assertEqual(status.progress.completed, half)

        async def resume():
            async with self.client(gleaner.AsyncClient) as client:
                docs = [d async for d in client.submit(
                    records, resume=job_id, skip_ids=submission.received_ids)]
                return docs, client.last_submission

        rest, resumed = asyncio.run(resume())
        ids = [d.id for d in first + rest]
        self.assertEqual(sorted(ids), [r["id"] for r in records])  # each once
        self.assertEqual(resumed.job_id, job_id)
        self.assertEqual(resumed.delivered_before, half)
        self.assertEqual(resumed.summary.documents, self.COUNT)  # the whole job
        self.assertEqual(resumed.summary.failed_documents, 0)
        for doc in first + rest:
            self.assertFalse(doc.failed, (doc.id, doc.errors))
            self.assertIn("삼성전자", [e.text for e in doc.entities], doc.id)


    def test_command_line_resume_after_sigkill(self):
        """python3 -m gleaner submit: its coordinator SIGKILLed mid-batch, it
        exits 6 with the resume command; that command, run against the
        restarted coordinator, appends the rest: every id once."""
        workdir = tempfile.mkdtemp(prefix="gleaner-pyresume-")
        records = [{"id": f"cli-resume-{i:03d}", "text": fresh(f"cli resume {i}")}
                   for i in range(self.COUNT)]
        lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
        inputs = os.path.join(workdir, "records.jsonl")
        with open(inputs, "w", encoding="utf-8") as f:
            f.writelines(lines)
        output = os.path.join(workdir, "out.jsonl")
        flags = ["--coordinator", self.cluster.coordinator.address, *cli_transport_flags()]
        command = [sys.executable, "-m", "gleaner", "submit", *flags]

        # Half the records on stdin, which stays open: the batch cannot end.
        half = self.COUNT // 2
        first = subprocess.Popen([*command, "-", "--output", output], stdin=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True,
                                 env=support.python_env(), cwd=workdir)
        try:
            first.stdin.write("".join(lines[:half]))
            first.stdin.flush()
            cluster.poll(lambda: _line_count(output) >= half, 120, "the first half's results")
            self.cluster.coordinator.kill()
            first.stdin.close()
            self.assertEqual(first.wait(timeout=120), 6)
        finally:
            if first.poll() is None:
                first.kill()
        stderr = first.stderr.read()
        first.stderr.close()
        job_id = stderr.split("gleaner: job ", 1)[1].split()[0]
        self.assertRegex(job_id, r"^job-[0-9a-f]{32}$")
        self.assertIn(f"--resume={job_id}", stderr)

        port = self.cluster.coordinator.port
        self.cluster.coordinator = self.cluster.add_coordinator(port=port)
        resumed = subprocess.run([*command, inputs, "--output", output, "--resume", job_id],
                                 capture_output=True, text=True, env=support.python_env(),
                                 cwd=workdir)
        self.assertEqual(resumed.returncode, 0, resumed.stderr)
        with open(output, encoding="utf-8") as f:
            ids = [json.loads(line)["id"] for line in f]
        self.assertEqual(sorted(ids), [r["id"] for r in records])  # each once

    def test_command_line_resume_needs_the_jsonl_output_file(self):
        out = subprocess.run([sys.executable, "-m", "gleaner", "submit", "--coordinator",
                              self.cluster.coordinator.address, "--resume", "job-x", "-"],
                             capture_output=True, text=True, env=support.python_env(),
                             input="")
        self.assertEqual(out.returncode, 2)
        self.assertIn("--output", out.stderr)


def _line_count(path):
    try:
        with open(path, encoding="utf-8") as f:
            return sum(1 for _ in f)
    except FileNotFoundError:
        return 0


class FakeCoordinator(coordinator_grpc.CoordinatorServicer):
    """Echoes documents back and records the call's metadata."""

    def __init__(self):
        self.metadata = None

    def Submit(self, request_iterator, context):
        self.metadata = dict(context.invocation_metadata())
        for request in request_iterator:
            if request.HasField("document"):
                yield coordinator_pb2.SubmitResponse(result=document_pb2.DocumentResult(
                    id=request.document.id, text=request.document.content.decode()))
        yield coordinator_pb2.SubmitResponse(end=coordinator_pb2.BatchEnd(
            summary=document_pb2.BatchSummary(documents=1)))


class TransportOptionsTest(unittest.TestCase):
    """TLS and tokens against a local Python gRPC server, which records the
    metadata it receives (the test cluster checks them for real)."""

    def start(self, credentials=None):
        import grpc
        from concurrent import futures
        fake = FakeCoordinator()
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
        coordinator_grpc.add_CoordinatorServicer_to_server(fake, server)
        if credentials is None:
            port = server.add_insecure_port("127.0.0.1:0")
        else:
            port = server.add_secure_port("127.0.0.1:0", credentials)
        server.start()
        self.addCleanup(server.stop, None)
        return fake, f"127.0.0.1:{port}"

    def test_token_is_sent_as_bearer_metadata_on_a_plain_channel(self):
        fake, address = self.start()
        with gleaner.Client(address, tls=False, token="s3cret", timeout=30) as client:
            self.assertEqual(client.analyze("가나다").text, "가나다")
        self.assertEqual(fake.metadata.get("authorization"), "Bearer s3cret")

    def test_tls_channel_with_a_self_signed_certificate_and_token(self):
        import grpc
        tmp = tempfile.mkdtemp(prefix="gleaner-tls-")
        key, cert = os.path.join(tmp, "key.pem"), os.path.join(tmp, "cert.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                        "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost"],
                       check=True, capture_output=True)
        with open(key, "rb") as f:
            key_pem = f.read()
        with open(cert, "rb") as f:
            cert_pem = f.read()
        fake, address = self.start(grpc.ssl_server_credentials([(key_pem, cert_pem)]))
        with gleaner.Client(address, tls=True, root_certificates=cert_pem,
                            server_name="localhost", token="t0ken", timeout=30) as client:
            self.assertEqual(client.analyze("보안").text, "보안")
        self.assertEqual(fake.metadata.get("authorization"), "Bearer t0ken")

        async def run_async():
            async with gleaner.AsyncClient(address, tls=True, root_certificates=cert_pem,
                                           server_name="localhost") as client:
                return (await client.analyze("비동기")).text
        self.assertEqual(asyncio.run(run_async()), "비동기")
        # A plain client cannot talk to the TLS server.
        with gleaner.Client(address, tls=False, timeout=10) as client:
            with self.assertRaises(grpc.RpcError):
                client.analyze("x")


class PythonCommandLineTest(unittest.TestCase):
    """python3 -m gleaner, as installed."""

    def gleaner(self, *args, stdin=None):
        return subprocess.run([sys.executable, "-m", "gleaner", *args], input=stdin,
                              capture_output=True, text=True, env=support.python_env(),
                              cwd=tempfile.gettempdir())

    def test_analyze_prints_the_document_as_json(self):
        out = self.gleaner("analyze", "--coordinator", CLUSTER.coordinator.address,
                           *cli_transport_flags(),
                           fresh("command line"))
        self.assertEqual(out.returncode, 0, out.stderr)
        doc = json.loads(out.stdout)
        self.assertIn("삼성전자", [e["text"] for e in doc["entities"]])
        entity = doc["entities"][0]
        self.assertEqual(doc["text"][entity["start"]:entity["end"]], entity["text"])

    def test_submit_records_from_stdin_as_csv(self):
        prefix = os.path.join(tempfile.mkdtemp(prefix="gleaner-pycli-"), "out")
        records = "".join(json.dumps({"id": f"cli-{i}", "text": fresh(f"cli {i}")},
                                     ensure_ascii=False) + "\n" for i in range(2))
        out = self.gleaner("submit", "--coordinator", CLUSTER.coordinator.address,
                           *cli_transport_flags(), "-",
                           "--format", "csv", "--output", prefix, stdin=records)
        self.assertEqual(out.returncode, 0, out.stderr)
        import pandas
        documents = pandas.read_csv(prefix + ".documents.csv")
        self.assertEqual(sorted(documents.document_id), ["cli-0", "cli-1"])
        self.assertEqual(list(pandas.read_csv(prefix + ".entities.csv").columns),
                         gleaner.COLUMNS["entities"])

    def test_unreachable_coordinator_exits_3(self):
        out = self.gleaner("analyze", "--coordinator", "127.0.0.1:1", "x")
        self.assertEqual(out.returncode, 3)
        self.assertIn("UNAVAILABLE", out.stderr)

    def test_version(self):
        out = self.gleaner("--version")
        self.assertEqual(out.stdout.strip(), f"gleaner (python) {gleaner.__version__}")


def gleaner_decimal(text):
    import decimal
    return decimal.Decimal(text)


class ConversionTest(unittest.TestCase):
    """Descriptor-driven conversion, on messages built here."""

    def test_every_document_result_field_is_an_attribute(self):
        doc = results.convert(document_pb2.DocumentResult(id="x", text="가나다"))
        for fd in document_pb2.DocumentResult.DESCRIPTOR.fields:
            self.assertTrue(hasattr(doc, fd.name), fd.name)

    def test_spans_come_from_any_message_with_begin_and_end(self):
        result = document_pb2.DocumentResult(text="가a나")
        result.sentences.add(begin=3, end=7)
        result.duplicate.repeated_blocks.add(begin=0, end=3)
        doc = results.convert(result)
        self.assertEqual((doc.sentences[0].start, doc.sentences[0].end), (1, 3))
        self.assertEqual(doc.sentences[0].text, "a나")
        block = doc.duplicate.repeated_blocks[0]
        self.assertEqual((block.start, block.end, block.text), (0, 1, "가"))
        self.assertEqual([s.text for s in doc.spans()], ["a나", "가"])

    def test_offsets_table_over_one_to_four_byte_characters(self):
        cases = [("", [0]), ("a", [0, 1]), ("é", [0, 0, 1]), ("가", [0, 0, 0, 1]),
                 ("😀a", [0, 0, 0, 0, 1, 2])]
        for text, expected in cases:
            offsets = results.Offsets(text)
            self.assertEqual([offsets.char(b) for b in range(len(text.encode()) + 1)],
                             expected, text)
        self.assertIsNone(results.Offsets("가").char(4))

    def test_record_inputs(self):
        cases = [
            ({"id": "a", "text": "가"}, ("a", b"\xea\xb0\x80", "CONTENT_TYPE_PLAIN_TEXT")),
            ({"content": "<p>x</p>", "content_type": "CONTENT_TYPE_HTML"},
             ("doc-", b"<p>x</p>", "CONTENT_TYPE_HTML")),
            ({"id": 5, "content": "x"}, ("5", b"x", "CONTENT_TYPE_UNSPECIFIED")),
        ]
        for record, (id_, content, content_type) in cases:
            raw = gleaner.to_raw_document(record)
            self.assertEqual((raw.id[:len(id_)], raw.content,
                              document_pb2.ContentType.Name(raw.content_type)),
                             (id_, content, content_type), record)
        with self.assertRaises(ValueError):
            gleaner.to_raw_document({"text": "a", "content": "b"})
        with self.assertRaises(TypeError):
            gleaner.to_raw_document(3.5)


if __name__ == "__main__":
    unittest.main()
