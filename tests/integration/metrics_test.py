"""Metrics and structured logs of real servers after real traffic.

A cluster of separate processes (two dedup shards, two sentence and two
extract replicas, mutual TLS) gets the bundled corpus plus one document that fails on
entry; then every server's /metrics is fetched over HTTP, parsed, and its
counters compared with what was sent, and the coordinator's stderr is
parsed as JSON lines and checked for the job's and the document's ids.
"""

import glob
import json
import os
import unittest

import grpc

from clients.python import gleaner_client
from tests.integration import cluster
from proto.gleaner.v1 import aggregator_service_pb2_grpc
from proto.gleaner.v1 import stage_pb2
from tests.integration import prometheus_text as prom

CORPUS = sorted(glob.glob(cluster.runfile("testdata/corpus") + "/*.txt"))
BAD_ID = "not-utf8.txt"
BAD_CONTENT = b"\xff\xfe\x00\x00 not utf-8 \xc3"


def documents():
    for path in CORPUS:
        yield gleaner_client.read_document(path)
    yield gleaner_client.document_pb2.RawDocument(id=BAD_ID, content=BAD_CONTENT)


def json_lines(text):
    """Every line of `text` as a JSON object; fails on any other line."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


class MetricsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        assert len(CORPUS) == 5, CORPUS
        # Mutual TLS and tokens, as deployed: the metrics port stays plain
        # HTTP beside the TLS gRPC port.
        cls.security = cluster.Security.create(clients=("alice",))
        cls.cluster = cluster.Cluster(dedup_shards=2, sentence=2, extract=2,
                                      server_args=["--metrics_port=0"],
                                      security=cls.security)
        try:
            with gleaner_client.GleanerClient(
                    cls.cluster.coordinator.address, timeout=120,
                    root_certificates=cls.security.pem("ca.crt"),
                    token=cls.security.tokens["alice"]) as client:
                cls.batch = client.submit(documents())
            # Each stage's server-side counters are updated before it
            # answers, and the coordinator's before it hands a result back,
            # so the scrape after the batch sees everything.
            cls.scrapes = {id(s): prom.parse(s.scrape())
                           for s in cls.cluster.servers}
        except Exception:
            cls.cluster.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.cluster.stop()

    def metrics(self, server):
        return self.scrapes[id(server)]

    def test_batch_itself(self):
        self.assertEqual(len(self.batch.results), 6)
        self.assertEqual(self.batch.summary.failed_documents, 1)

    def test_coordinator_counts_documents_bytes_and_errors(self):
        m = self.metrics(self.cluster.coordinator)
        sent_bytes = sum(os.path.getsize(p) for p in CORPUS) + len(BAD_CONTENT)
        self.assertEqual(prom.value(m, "gleaner_coordinator_documents_received_total"), 6)
        self.assertEqual(prom.value(m, "gleaner_coordinator_bytes_received_total"),
                         sent_bytes)
        self.assertEqual(prom.value(m, "gleaner_coordinator_documents_completed_total",
                                    outcome="ok"), 5)
        self.assertEqual(prom.value(m, "gleaner_coordinator_documents_completed_total",
                                    outcome="failed"), 1)
        self.assertEqual(prom.value(m, "gleaner_coordinator_document_errors_total",
                                    stage="coordinator", code="INVALID_ARGUMENT"), 1)
        self.assertEqual(prom.total(m, "gleaner_coordinator_document_errors_total"), 1)
        self.assertEqual(prom.value(m, "gleaner_coordinator_documents_in_flight"), 0)
        self.assertEqual(prom.value(m, "gleaner_coordinator_jobs_started_total"), 1)
        self.assertEqual(prom.value(m, "gleaner_coordinator_jobs_running"), 0)
        # The Submit stream is one RPC, answered OK.
        self.assertEqual(prom.value(m, "gleaner_grpc_server_handled_total",
                                    grpc_service="gleaner.v1.Coordinator",
                                    grpc_method="Submit", grpc_code="OK"), 1)

    def test_coordinator_latency_histograms_count_each_stage_call(self):
        m = self.metrics(self.cluster.coordinator)
        prom.check_histograms(m)
        for stage in ("dedup", "sentence", "extract", "aggregator"):
            self.assertEqual(prom.value(m, "gleaner_coordinator_stage_seconds_count",
                                        stage=stage), 5, stage)
            self.assertGreater(prom.value(m, "gleaner_coordinator_stage_seconds_sum",
                                          stage=stage), 0, stage)

    def test_calls_per_replica_add_up(self):
        m = self.metrics(self.cluster.coordinator)
        pools = [("sentence", self.cluster.sentence), ("extract", self.cluster.extract),
                 ("aggregator", [self.cluster.aggregator])]
        # Each dedup shard is a pool of its own: every shard sees every document.
        pools += [(f"dedup/shard{i}", [shard]) for i, shard in enumerate(self.cluster.dedup)]
        for stage, replicas in pools:
            # Per good document: one Process (dedup: and one Commit of the
            # merged verdict); the aggregator's pool also carries the GetView
            # at the batch's end.
            per_document = 2 if stage.startswith("dedup/") else 1
            expected = 5 * per_document + (1 if stage == "aggregator" else 0)
            per_replica = [prom.value(m, "gleaner_replica_calls_total",
                                      stage=stage, replica=r.address, code="OK")
                           for r in replicas]
            self.assertEqual(sum(per_replica), expected, stage)
            self.assertEqual(prom.total(m, "gleaner_replica_calls_total", stage=stage),
                             expected, stage)
            # What the coordinator counts per replica is what each replica
            # says it answered (health probes aside).
            service = "gleaner.v1." + stage.split("/")[0].capitalize()
            for r, calls in zip(replicas, per_replica):
                self.assertEqual(prom.total(self.metrics(r), "gleaner_grpc_server_handled_total",
                                            grpc_service=service, grpc_code="OK"),
                                 calls, (stage, r.address))
            for r in replicas:
                self.assertEqual(prom.value(m, "gleaner_replica_usable",
                                            stage=stage, replica=r.address), 1, stage)
            self.assertEqual(prom.total(m, "gleaner_replica_ejections_total",
                                        stage=stage), 0, stage)
            self.assertEqual(prom.total(m, "gleaner_stage_retries_total", stage=stage),
                             0, stage)

    def test_every_replica_served_a_share_and_shares_add_up(self):
        text_bytes = sum(len(r.text.encode("utf-8")) for r in self.batch.results
                         if r.id != BAD_ID)
        for stage, servers in (("sentence", self.cluster.sentence),
                               ("extract", self.cluster.extract)):
            counts = [prom.value(self.metrics(s), "gleaner_stage_documents_total",
                                 stage=stage) for s in servers]
            self.assertEqual(sum(counts), 5, stage)
            self.assertTrue(all(c > 0 for c in counts), (stage, counts))
            served_bytes = sum(prom.value(self.metrics(s), "gleaner_stage_bytes_total",
                                          stage=stage) for s in servers)
            self.assertEqual(served_bytes, text_bytes, stage)
            handled = sum(prom.value(self.metrics(s), "gleaner_grpc_server_handled_total",
                                     grpc_service=f"gleaner.v1.{stage.capitalize()}",
                                     grpc_method="Process", grpc_code="OK")
                          for s in servers)
            self.assertEqual(handled, 5, stage)
        aggregator = self.metrics(self.cluster.aggregator)
        self.assertEqual(prom.value(aggregator, "gleaner_stage_documents_total",
                                    stage="aggregator"), 5)

    def test_dedup_shards_report_their_index_size(self):
        for shard in self.cluster.dedup:
            m = self.metrics(shard)
            self.assertEqual(prom.value(m, "gleaner_stage_documents_total",
                                        stage="dedup"), 5)
            self.assertGreater(prom.value(m, "gleaner_dedup_index_memory_bytes"), 0)
            # Every shard keeps every document's id (the replicated part of
            # the index); only the hash keys are split between shards.
            self.assertEqual(prom.value(m, "gleaner_dedup_index_documents"), 5)

    def test_every_server_declares_types_and_serves_healthz(self):
        for server in self.cluster.servers:
            m = self.metrics(server)
            prom.check_histograms(m)
            self.assertEqual(m["gleaner_grpc_server_handled_total"].type, "counter")
            self.assertEqual(m["gleaner_grpc_server_in_flight"].type, "gauge")
            status, content_type, _ = server.http_get("/metrics")
            self.assertEqual(status, 200)
            self.assertTrue(content_type.startswith("text/plain; version=0.0.4"),
                            content_type)
            self.assertEqual(server.http_get("/healthz")[0], 200, server.kind)
            self.assertEqual(server.http_get("/nothing")[0], 404, server.kind)

    def test_coordinator_logs_job_start_end_and_the_failed_document(self):
        lines = json_lines(self.cluster.coordinator.stderr())
        job = self.batch.job_id
        self.assertTrue(job)
        events = [(line["event"], line.get("job_id")) for line in lines]
        self.assertIn(("job_started", job), events)
        finished = [l for l in lines if l["event"] == "job_finished"]
        self.assertEqual(len(finished), 1)
        self.assertEqual(finished[0]["job_id"], job)
        self.assertEqual(finished[0]["documents"], 6)
        self.assertEqual(finished[0]["failed"], 1)
        failed = [l for l in lines if l["event"] == "document_failed"]
        self.assertEqual(len(failed), 1, failed)
        self.assertEqual(failed[0]["level"], "error")
        self.assertEqual(failed[0]["job_id"], job)
        self.assertEqual(failed[0]["document_id"], BAD_ID)
        self.assertEqual(failed[0]["stage"], "coordinator")
        self.assertEqual(failed[0]["code"], "INVALID_ARGUMENT")
        started = [l for l in lines if l["event"] == "job_started"]
        self.assertEqual(started[0]["client"], "alice")
        self.assertEqual(started[0]["mode"], "new")
        self.assertEqual(finished[0]["state"], "STATE_DONE")
        self.assertEqual(finished[0]["level"], "info")
        server = [l for l in lines if l["event"] == "server_started"]
        self.assertEqual(len(server), 1)
        self.assertEqual(server[0]["transport"], "tls")
        self.assertEqual(server[0]["metrics_port"], self.cluster.coordinator.metrics_port)
        for line in lines:
            self.assertEqual(line["service"], "gleaner.v1.Coordinator")
            self.assertTrue(line["ts"].endswith("Z"), line)


class WorkerErrorLogTest(unittest.TestCase):
    """A worker that fails a document logs it with the job and document id;
    a call it refuses outright is logged too."""

    def test_worker_error_is_logged_and_counted(self):
        with cluster.Cluster(server_args=["--metrics_port=0"]) as c:
            aggregator = c.aggregator
            # A result whose sentence points outside its text: the
            # aggregator refuses it (INVALID_ARGUMENT) rather than read
            # out of range.
            request = stage_pb2.StageRequest(job_id="job-forced")
            request.result.id = "doc-forced"
            request.result.text = "short"
            sentence = request.result.sentences.add()
            sentence.begin, sentence.end = 0, 1000
            with grpc.insecure_channel(aggregator.address) as channel:
                stub = aggregator_service_pb2_grpc.AggregatorStub(channel)
                response = stub.Process(request, timeout=30)
            self.assertEqual(response.error.code, "INVALID_ARGUMENT", response)
            m = prom.parse(aggregator.scrape())
            self.assertEqual(prom.value(m, "gleaner_stage_document_errors_total",
                                        stage="aggregator",
                                        code="INVALID_ARGUMENT"), 1)
            self.assertEqual(prom.value(m, "gleaner_stage_documents_total",
                                        stage="aggregator"), 1)
            lines = [l for l in json_lines(aggregator.stderr())
                     if l["event"] == "document_failed"]
        self.assertEqual(len(lines), 1, lines)
        self.assertEqual(lines[0]["job_id"], "job-forced")
        self.assertEqual(lines[0]["document_id"], "doc-forced")
        self.assertEqual(lines[0]["stage"], "aggregator")
        self.assertEqual(lines[0]["code"], "INVALID_ARGUMENT")
        self.assertIn("outside the text", lines[0]["message"])
        self.assertEqual(lines[0]["service"], "gleaner.v1.Aggregator")

    def test_a_failed_rpc_is_logged_and_counted_by_code(self):
        with cluster.Cluster(server_args=["--metrics_port=0"]) as c:
            aggregator = c.aggregator
            request = stage_pb2.StageRequest(job_id="job-no-id")  # no document id
            with grpc.insecure_channel(aggregator.address) as channel:
                stub = aggregator_service_pb2_grpc.AggregatorStub(channel)
                with self.assertRaises(grpc.RpcError) as raised:
                    stub.Process(request, timeout=30)
            self.assertEqual(raised.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
            m = prom.parse(aggregator.scrape())
            self.assertEqual(prom.value(m, "gleaner_grpc_server_handled_total",
                                        grpc_service="gleaner.v1.Aggregator",
                                        grpc_method="Process",
                                        grpc_code="INVALID_ARGUMENT"), 1)
            failed = [l for l in json_lines(aggregator.stderr())
                      if l["event"] == "rpc_failed"]
        self.assertEqual(len(failed), 1, failed)
        self.assertEqual(failed[0]["method"], "/gleaner.v1.Aggregator/Process")
        self.assertEqual(failed[0]["code"], "INVALID_ARGUMENT")
        self.assertEqual(failed[0]["level"], "warning")
        self.assertIn("id is empty", failed[0]["message"])
        self.assertTrue(failed[0]["peer"], failed[0])


if __name__ == "__main__":
    unittest.main()
