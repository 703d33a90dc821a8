"""The attacks of issue 14, against real servers with mutual TLS and tokens.

Every server runs as its own process on a loopback port, with certificates
made at test time by openssl (tools/make_certs.sh): a CA, one certificate
per service, and one for an attacker signed by the same CA (the strongest
outsider: a stolen certificate of the right CA with the wrong name). Each
attack of the issue is tried and must be refused, and the victim's own
batch must come out unchanged.
"""

import os
import threading
import time
import unittest

import grpc

from proto.gleaner.v1 import aggregator_service_pb2
from proto.gleaner.v1 import aggregator_service_pb2_grpc
from proto.gleaner.v1 import coordinator_service_pb2 as coordinator_pb2
from proto.gleaner.v1 import coordinator_service_pb2_grpc as coordinator_grpc
from proto.gleaner.v1 import dedup_service_pb2
from proto.gleaner.v1 import dedup_service_pb2_grpc
from proto.gleaner.v1 import document_pb2
from proto.gleaner.v1 import extract_service_pb2_grpc
from proto.gleaner.v1 import sentence_service_pb2_grpc
from proto.gleaner.v1 import stage_pb2
from tests.integration import cluster

ATTACKER = "gleaner-attacker"
VICTIM_TEXT = "삼성전자는 3조 원을 투자했다고 밝혔다. 이재용 회장이 서울에서 발표했다."
DEADLINE = 60


def channel_to(security, server, client_name=None, options=()):
    """A TLS channel to `server`, verifying it against the CA and presenting
    `client_name`'s certificate when given."""
    key = chain = None
    if client_name is not None:
        key = security.pem(client_name + ".key")
        chain = security.pem(client_name + ".crt")
    credentials = grpc.ssl_channel_credentials(
        root_certificates=security.pem("ca.crt"), private_key=key, certificate_chain=chain)
    return grpc.secure_channel(server.address, credentials, options=list(options))


def token_metadata(token):
    return [("authorization", f"Bearer {token}")]


def submit(stub, texts, token, ids=None):
    """One batch through the coordinator; returns (job_id, results, end)."""
    ids = ids or [f"doc-{i}" for i in range(len(texts))]
    requests = [coordinator_pb2.SubmitRequest(document=document_pb2.RawDocument(
        id=doc_id, content=text.encode("utf-8"))) for doc_id, text in zip(ids, texts)]
    job_id, results, end = "", [], None
    for response in stub.Submit(iter(requests), timeout=DEADLINE,
                                metadata=token_metadata(token)):
        kind = response.WhichOneof("response")
        if kind == "progress" and not job_id:
            job_id = response.progress.job_id
        elif kind == "result":
            results.append(response.result)
        elif kind == "end":
            end = response.end
    return job_id, results, end


def stage_request(job_id, doc_id, text):
    return stage_pb2.StageRequest(job_id=job_id, result=document_pb2.DocumentResult(
        id=doc_id, text=text))


def proc_status(pid, field):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError(f"no {field} in /proc/{pid}/status")


def cpu_seconds(pid):
    """User plus system CPU time of a process, from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class SecurityTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.security = cluster.Security.create(clients=("alice", "bob"),
                                               extra_names=(ATTACKER,))
        cls.cluster = cluster.Cluster(security=cls.security)
        cls.coordinator_channel = channel_to(cls.security, cls.cluster.coordinator)
        cls.coordinator = coordinator_grpc.CoordinatorStub(cls.coordinator_channel)

    @classmethod
    def tearDownClass(cls):
        cls.coordinator_channel.close()
        cls.cluster.stop()

    def assert_refused(self, call, code, pattern=None):
        with self.assertRaises(grpc.RpcError) as raised:
            call()
        self.assertEqual(raised.exception.code(), code, raised.exception.details())
        if pattern is not None:
            self.assertRegex(raised.exception.details() or "", pattern)

    # --- clients of the coordinator --------------------------------------

    def test_client_without_a_token_is_refused(self):
        request = coordinator_pb2.SubmitRequest(document=document_pb2.RawDocument(
            id="x", content=b"text"))
        for metadata in ([], token_metadata("not-a-token-of-anyone"),
                         [("authorization", self.security.tokens["alice"])]):
            with self.subTest(metadata=metadata):
                self.assert_refused(
                    lambda: list(self.coordinator.Submit(iter([request]), timeout=DEADLINE,
                                                         metadata=metadata)),
                    grpc.StatusCode.UNAUTHENTICATED, "bearer token")
                self.assert_refused(
                    lambda: self.coordinator.GetJobStatus(
                        coordinator_pb2.GetJobStatusRequest(job_id="job-1"),
                        timeout=DEADLINE, metadata=metadata),
                    grpc.StatusCode.UNAUTHENTICATED)

    def test_gleaner_submit_needs_its_token(self):
        flags = self.security.client_flags("alice")
        ca_only = [f for f in flags if f.startswith("--tls_ca")]
        run = cluster.gleaner("submit", "--coordinator=" + self.cluster.coordinator.address,
                              *ca_only, cluster.runfile("testdata/corpus"),
                              "--output=/dev/null", "--progress=false", check=False)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("UNAUTHENTICATED", run.stderr)
        run = cluster.gleaner("submit", "--coordinator=" + self.cluster.coordinator.address,
                              *flags, cluster.runfile("testdata/corpus"),
                              "--output=/dev/null", "--progress=false", check=False)
        self.assertEqual(run.returncode, 0, run.stderr)

    def test_one_client_cannot_read_anothers_job(self):
        job_id, results, end = submit(self.coordinator, [VICTIM_TEXT],
                                      self.security.tokens["alice"], ids=["alice-1"])
        self.assertEqual(len(results), 1)
        self.assertRegex(job_id, r"^job-[0-9a-f]{32}$")
        status = self.coordinator.GetJobStatus(
            coordinator_pb2.GetJobStatusRequest(job_id=job_id), timeout=DEADLINE,
            metadata=token_metadata(self.security.tokens["alice"]))
        self.assertEqual(status.state, coordinator_pb2.JobStatus.STATE_DONE)
        # Bob learns nothing, not even that the job exists.
        for job in (job_id, "job-" + "0" * 32):
            self.assert_refused(
                lambda: self.coordinator.GetJobStatus(
                    coordinator_pb2.GetJobStatusRequest(job_id=job), timeout=DEADLINE,
                    metadata=token_metadata(self.security.tokens["bob"])),
                grpc.StatusCode.NOT_FOUND, "unknown job")

    def test_job_ids_are_not_a_counter(self):
        ids = [submit(self.coordinator, [VICTIM_TEXT], self.security.tokens["bob"],
                      ids=[f"bob-{i}"])[0] for i in range(3)]
        self.assertEqual(len(set(ids)), 3)
        for a, b in zip(ids, ids[1:]):
            self.assertRegex(a, r"^job-[0-9a-f]{32}$")
            # `job-<startup ms>-<counter>` ids shared all but the last digits.
            self.assertLess(len(os.path.commonprefix([a, b])), len("job-") + 8, (a, b))

    # --- the internal services, reached directly -------------------------

    def internal_calls(self, channel, job_id):
        """One call per attack of the issue on the internal services."""
        dedup = dedup_service_pb2_grpc.DedupStub(channel)
        aggregator = aggregator_service_pb2_grpc.AggregatorStub(channel)
        extract = extract_service_pb2_grpc.ExtractStub(channel)
        sentence = sentence_service_pb2_grpc.SentenceStub(channel)
        return {
            # Register a victim's content under the attacker's id.
            "dedup.Process": lambda: dedup.Process(
                stage_request("attack", "attacker-doc", VICTIM_TEXT), timeout=DEADLINE),
            "dedup.Commit": lambda: dedup.Commit(
                dedup_service_pb2.CommitRequest(document_id="victim-doc"), timeout=DEADLINE),
            # Send fake results into the victim's corpus view.
            "aggregator.Process": lambda: aggregator.Process(
                stage_request(job_id, "fake", "가짜"), timeout=DEADLINE),
            # Release the victim's view.
            "aggregator.GetView": lambda: aggregator.GetView(
                aggregator_service_pb2.GetViewRequest(job_id=job_id, release=True),
                timeout=DEADLINE),
            "extract.Process": lambda: extract.Process(
                stage_request("attack", "x", "text"), timeout=DEADLINE),
            "sentence.Process": lambda: sentence.Process(
                stage_request("attack", "x", "text"), timeout=DEADLINE),
        }

    def test_internal_services_refuse_any_certificate_but_the_coordinators(self):
        servers = {"dedup": self.cluster.dedup[0], "aggregator": self.cluster.aggregator,
                   "extract": self.cluster.extract[0], "sentence": self.cluster.sentence[0]}
        for kind, server in servers.items():
            # A certificate of the right CA with another name, and one of
            # another internal service: both are not the coordinator.
            for name in (ATTACKER, "gleaner-extract"):
                with channel_to(self.security, server, name) as channel:
                    for call_name, call in self.internal_calls(channel, "job-x").items():
                        if not call_name.startswith(kind):
                            continue
                        with self.subTest(call=call_name, certificate=name):
                            self.assert_refused(call, grpc.StatusCode.PERMISSION_DENIED,
                                                f"peer '{name}' is not allowed")
            # No client certificate: the TLS handshake itself fails.
            with channel_to(self.security, server) as channel:
                for call_name, call in self.internal_calls(channel, "job-x").items():
                    if call_name.startswith(kind):
                        with self.subTest(call=call_name, certificate=None):
                            self.assert_refused(call, grpc.StatusCode.UNAVAILABLE)

    def test_victims_batch_is_untouched_by_the_attacks(self):
        # The attacker tries everything first, with its certificate ...
        for server in (self.cluster.dedup[0], self.cluster.aggregator):
            with channel_to(self.security, server, ATTACKER) as channel:
                for call in self.internal_calls(channel, "job-any").values():
                    with self.assertRaises(grpc.RpcError):
                        call()
        # ... and the victim's page is still new, with its entities.
        _, results, end = submit(self.coordinator, [VICTIM_TEXT + " 추가 문장입니다."],
                                 self.security.tokens["alice"], ids=["victim-page"])
        self.assertEqual(len(results), 1)
        result = results[0]
        self.assertEqual(list(result.errors), [])
        self.assertNotEqual(result.duplicate.kind, document_pb2.DUPLICATE_KIND_EXACT)
        self.assertGreater(len(result.entities), 0)
        self.assertEqual(end.summary.failed_documents, 0)

    def test_plaintext_is_refused_when_tls_is_configured(self):
        for server in self.cluster.servers:
            with self.subTest(server.kind):
                with grpc.insecure_channel(server.address) as channel:
                    check = channel.unary_unary("/grpc.health.v1.Health/Check",
                                                request_serializer=lambda _: b"",
                                                response_deserializer=lambda raw: raw)
                    self.assert_refused(lambda: check(None, timeout=10),
                                        grpc.StatusCode.UNAVAILABLE)

    def test_a_server_without_tls_files_or_plaintext_does_not_start(self):
        for kind in ("dedup", "sentence", "extract", "aggregator", "coordinator"):
            with self.subTest(kind):
                with self.assertRaises(RuntimeError) as raised:
                    cluster.Server(kind, security=_NoSecurity())
                self.assertIn("--tls_ca", str(raised.exception))

    # --- limits -----------------------------------------------------------

    def test_200_mb_request_to_extract_is_refused_by_size_cheaply(self):
        extract = self.cluster.extract[0]
        pid = extract.process.pid
        cpu_before = cpu_seconds(pid)
        # Even the coordinator's own certificate cannot make the worker take
        # it: the limit follows the document limits, not 1 GiB.
        options = [("grpc.max_send_message_length", -1)]
        with channel_to(self.security, extract, "gleaner-coordinator", options) as channel:
            stub = extract_service_pb2_grpc.ExtractStub(channel)
            huge = stage_request("job-big", "big", "가" * (200_000_000 // 3))
            self.assert_refused(lambda: stub.Process(huge, timeout=120),
                                grpc.StatusCode.RESOURCE_EXHAUSTED, "larger than max")
        cpu = cpu_seconds(pid) - cpu_before
        peak_mb = proc_status(pid, "VmHWM") / 1024
        # Issue 14 measured 94 s of CPU and 9.4 GB before the limit.
        self.assertLess(cpu, 10, f"{cpu:.1f} s of CPU")
        self.assertLess(peak_mb, 1500, f"peak RSS {peak_mb:.0f} MB")
        print(f"200 MB request refused: extract CPU {cpu:.2f} s, peak RSS {peak_mb:.0f} MB")

    def test_300_idle_submit_streams_do_not_create_hundreds_of_threads(self):
        pid = self.cluster.coordinator.process.pid
        threads_before = proc_status(pid, "Threads")
        release = threading.Event()

        def idle_requests():
            # The first message opens the job (it says whether the stream
            # resumes one); then the batch sends no document until released.
            yield coordinator_pb2.SubmitRequest(options=coordinator_pb2.BatchOptions())
            release.wait(120)

        # Several connections: one HTTP/2 connection carries at most
        # max_concurrent_streams at once.
        channels = [channel_to(self.security, self.cluster.coordinator) for _ in range(10)]
        calls, accepted, refused = [], [], []
        lock = threading.Lock()
        token = self.security.tokens["alice"]
        try:
            for i in range(300):
                stub = coordinator_grpc.CoordinatorStub(channels[i % len(channels)])
                calls.append(stub.Submit(idle_requests(), timeout=120,
                                         metadata=token_metadata(token)))

            def first_response(call):
                try:
                    next(call)
                    with lock:
                        accepted.append(call)
                except grpc.RpcError as error:
                    with lock:
                        refused.append((error.code(), error.details()))

            readers = [threading.Thread(target=first_response, args=(c,)) for c in calls]
            for reader in readers:
                reader.start()
            for reader in readers:
                reader.join(60)
            threads_during = proc_status(pid, "Threads")
        finally:
            release.set()
            for call in calls:
                call.cancel()
            for channel in channels:
                channel.close()
        self.assertEqual(len(accepted) + len(refused), 300)
        # Batches beyond the limit are refused, naming it.
        self.assertEqual(len(accepted), 32)
        for code, details in refused:
            self.assertEqual(code, grpc.StatusCode.RESOURCE_EXHAUSTED)
            self.assertIn("max_concurrent_batches", details)
        # Issue 14: 300 idle streams made 3,012 threads.
        self.assertLess(threads_during, 120,
                        f"{threads_during} threads (before: {threads_before})")
        print(f"300 idle Submit streams: coordinator threads {threads_before} -> "
              f"{threads_during}")
        # The coordinator still serves once they are gone.
        deadline = time.monotonic() + 60
        while True:
            try:
                _, results, _ = submit(self.coordinator, [VICTIM_TEXT], token,
                                       ids=["after-idle"])
                break
            except grpc.RpcError as error:
                # Cancelled streams may take a moment to free their slots.
                if (error.code() != grpc.StatusCode.RESOURCE_EXHAUSTED
                        or time.monotonic() > deadline):
                    raise
        self.assertEqual(len(results), 1)


class _NoSecurity:
    """Neither TLS files nor --plaintext (the coordinator gets its stages)."""

    @staticmethod
    def server_flags(kind):
        if kind != "coordinator":
            return []
        return ["--dedup=127.0.0.1:1", "--sentence=127.0.0.1:1", "--extract=127.0.0.1:1",
                "--aggregator=127.0.0.1:1"]


if __name__ == "__main__":
    unittest.main()
