"""End to end: every service as its own process on loopback, the bundled
corpus submitted through the coordinator, compared with the embedded run.
"""

import glob
import json
import os
import shutil
import signal
import tempfile
import unittest

import grpc

from clients.python import gleaner_client
from tests.integration import cluster

CORPUS = sorted(glob.glob(cluster.runfile("testdata/corpus") + "/*.txt"))
ALL_STAGES = ["STAGE_DEDUP", "STAGE_SENTENCE", "STAGE_EXTRACT", "STAGE_AGGREGATE"]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def by_source(rows):
    return {os.path.basename(row["source"]): row for row in rows}


class PipelineIntegrationTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        assert len(CORPUS) == 5, CORPUS
        cls.tmp = tempfile.mkdtemp(prefix="gleaner-it-")
        cls.embedded_path = os.path.join(cls.tmp, "embedded.jsonl")
        cluster.gleaner("run", *CORPUS, "--output=" + cls.embedded_path)
        cls.embedded = read_jsonl(cls.embedded_path)

    def test_embedded_run_covers_every_stage_of_every_document(self):
        self.assertEqual(len(self.embedded), 5)
        for row in self.embedded:
            name = os.path.basename(row["source"])
            self.assertEqual(row.get("completed_stages"), ALL_STAGES, name)
            self.assertNotIn("errors", row, name)
            self.assertTrue(row["text"], name)
            self.assertTrue(row["sentences"], name)
            self.assertTrue(row["entities"], name)
            self.assertTrue(row["amounts"], name)
            self.assertEqual(row["duplicate"]["kind"], "DUPLICATE_KIND_UNIQUE", name)

    def test_plain_text_comes_back_byte_for_byte(self):
        for row in self.embedded:
            if row.get("content_type") == "CONTENT_TYPE_HTML":
                continue
            with open(cluster.runfile("testdata/corpus/" +
                                      os.path.basename(row["source"])),
                      encoding="utf-8") as f:
                self.assertEqual(row["text"], f.read())

    def test_offsets_are_utf8_byte_offsets_into_text(self):
        for row in self.embedded:
            raw = row["text"].encode("utf-8")
            for item in row["entities"] + row["amounts"]:
                self.assertEqual(raw[item["begin"]:item["end"]].decode("utf-8"),
                                 item["text"])

    def test_distributed_output_equals_embedded_output(self):
        with cluster.Cluster(dedup_shards=2, sentence=2, extract=2) as c:
            out = os.path.join(self.tmp, "distributed.jsonl")
            view = os.path.join(self.tmp, "view.json")
            cluster.gleaner("submit", "--coordinator=" + c.coordinator.address, *c.client_flags,
                            *CORPUS, "--output=" + out, "--corpus_view=" + view)
            distributed = read_jsonl(out)
        self.assertEqual(distributed, self.embedded)
        with open(view, encoding="utf-8") as f:
            corpus_view = json.load(f)
        self.assertEqual(int(corpus_view["documents"]), 5)
        self.assertTrue(corpus_view["entity_counts"])

    def _near_duplicate_inputs(self):
        """Edited and exact copies of two corpus pages, in a fresh directory."""
        folder = tempfile.mkdtemp(prefix="gleaner-dups-", dir=self.tmp)
        originals = [CORPUS[0], CORPUS[3]]
        paths = []
        for n, source in enumerate(originals):
            with open(source, encoding="utf-8") as f:
                text = f.read()
            variants = [text, "속보 " + text + "\n기자 홍길동", text,
                        text.replace("있다.", "있었다.", 3)]
            for v, variant in enumerate(variants):
                path = os.path.join(folder, f"{n}_{v}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(variant)
                paths.append(path)
        return paths

    def test_sharded_dedup_gives_the_single_index_verdicts(self):
        inputs = self._near_duplicate_inputs()
        embedded_out = os.path.join(self.tmp, "dups_embedded.jsonl")
        cluster.gleaner("run", *inputs, "--output=" + embedded_out)
        embedded = read_jsonl(embedded_out)
        kinds = [row["duplicate"]["kind"] for row in embedded]
        self.assertEqual(kinds[0], "DUPLICATE_KIND_UNIQUE")
        self.assertEqual(kinds[2], "DUPLICATE_KIND_EXACT")
        self.assertIn("DUPLICATE_KIND_NEAR", kinds)
        with cluster.Cluster(dedup_shards=3) as c:
            out = os.path.join(self.tmp, "dups_sharded.jsonl")
            cluster.gleaner("submit", "--coordinator=" + c.coordinator.address, *c.client_flags,
                            *inputs, "--output=" + out)
            sharded = read_jsonl(out)
        self.assertEqual([r["duplicate"] for r in sharded],
                         [r["duplicate"] for r in embedded])
        self.assertEqual(sharded, embedded)
        # An exact duplicate keeps its own text, and its repeated blocks
        # point into it.
        for row in sharded:
            raw = row["text"].encode("utf-8")
            self.assertTrue(raw, row["source"])
            for block in row["duplicate"].get("repeated_blocks", []):
                self.assertLessEqual(block.get("begin", 0), block["end"])
                self.assertLessEqual(block["end"], len(raw))

    def test_dedup_index_survives_a_killed_worker(self):
        first, second = CORPUS[1], CORPUS[2]
        with cluster.Cluster() as c:
            cluster.gleaner("submit", "--coordinator=" + c.coordinator.address, *c.client_flags,
                            first, "--output=" + os.path.join(self.tmp, "day1.jsonl"))
            index_dir = c.index_dir
            c.dedup[0].kill()  # SIGKILL: only what was made durable survives
        copy = os.path.join(self.tmp, "tomorrow_copy.txt")
        shutil.copyfile(first, copy)
        with cluster.Cluster(index_dir=index_dir) as c:
            out = os.path.join(self.tmp, "day2.jsonl")
            cluster.gleaner("submit", "--coordinator=" + c.coordinator.address, *c.client_flags,
                            copy, second, "--output=" + out)
            rows = by_source(read_jsonl(out))
        verdict = rows["tomorrow_copy.txt"]["duplicate"]
        self.assertEqual(verdict["kind"], "DUPLICATE_KIND_EXACT")
        self.assertEqual(verdict["duplicate_of"], first)
        self.assertTrue(rows["tomorrow_copy.txt"]["skipped_as_duplicate"])
        self.assertEqual(rows[os.path.basename(second)]["duplicate"]["kind"],
                         "DUPLICATE_KIND_UNIQUE")

    def test_python_client_gets_the_same_results(self):
        with cluster.Cluster() as c:
            with gleaner_client.GleanerClient(c.coordinator.address) as client:
                batch = client.submit_files(CORPUS, include_corpus_view=True)
                status = client.job_status(batch.job_id)
        rows = [json.loads(gleaner_client.to_json_line(r)) for r in batch.results]
        self.assertEqual(by_source(rows), by_source(self.embedded))
        self.assertEqual(batch.summary.documents, 5)
        self.assertGreater(len(batch.corpus_view.entity_counts), 0)
        self.assertEqual(status.state, status.STATE_DONE)

    def test_python_client_program_prints_json_lines(self):
        import io
        import contextlib
        with cluster.Cluster() as c:
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                code = gleaner_client.main(["--coordinator", c.coordinator.address,
                                            CORPUS[0]])
        self.assertEqual(code, 0)
        rows = [json.loads(line) for line in buffer.getvalue().splitlines()]
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["source"], CORPUS[0])

    def test_killed_replica_does_not_lose_documents(self):
        with cluster.Cluster(extract=2) as c:
            c.extract[0].kill()
            out = os.path.join(self.tmp, "failover.jsonl")
            cluster.gleaner("submit", "--coordinator=" + c.coordinator.address, *c.client_flags,
                            *CORPUS, "--output=" + out)
            rows = read_jsonl(out)
        self.assertEqual(by_source(rows), by_source(self.embedded))

    def test_dead_stage_is_reported_per_document_and_batch_completes(self):
        with cluster.Cluster(coordinator_args=["--max_attempts=2",
                                               "--stage_deadline=10s"]) as c:
            c.extract[0].kill()
            out = os.path.join(self.tmp, "dead.jsonl")
            run = cluster.gleaner("submit", "--coordinator=" + c.coordinator.address, *c.client_flags,
                                  *CORPUS, "--output=" + out, check=False)
            rows = read_jsonl(out)
        self.assertEqual(run.returncode, 1, run.stderr)  # documents failed
        self.assertEqual(len(rows), 5)
        for row in rows:
            self.assertEqual(row["errors"][0]["stage"], "STAGE_EXTRACT")
            self.assertEqual(row["errors"][0]["code"], "UNAVAILABLE")
            self.assertTrue(row["sentences"])  # earlier stages still ran
            self.assertNotIn("entities", row)

    def test_bad_documents_fail_alone(self):
        bad = os.path.join(self.tmp, "bad.txt")
        with open(bad, "wb") as f:
            f.write(b"\xff\xfe\x00\x00 not utf-8 \xc3")
        empty = os.path.join(self.tmp, "empty.txt")
        open(empty, "wb").close()
        with cluster.Cluster() as c:
            out = os.path.join(self.tmp, "bad.jsonl")
            run = cluster.gleaner("submit", "--coordinator=" + c.coordinator.address, *c.client_flags,
                                  CORPUS[0], bad, empty, "--output=" + out, check=False)
            rows = by_source(read_jsonl(out))
        self.assertEqual(run.returncode, 1, run.stderr)  # documents failed
        self.assertEqual(len(rows), 3)
        self.assertNotIn("errors", rows[os.path.basename(CORPUS[0])])
        # Cleaned once, on entry, by the coordinator: it fails there, alone,
        # and no stage sees it.
        errors = rows["bad.txt"]["errors"]
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0]["stage"], "STAGE_COORDINATOR")
        self.assertEqual(errors[0]["code"], "INVALID_ARGUMENT")
        self.assertNotIn("completed_stages", rows["bad.txt"])
        self.assertNotIn("errors", rows["empty.txt"])

    def test_every_server_reports_serving_on_the_grpc_health_service(self):
        # grpc.health.v1.HealthCheckResponse{status: SERVING} is the two
        # bytes 08 01; an empty HealthCheckRequest asks about the server.
        with cluster.Cluster() as c:
            for server in c.servers:
                with grpc.insecure_channel(server.address) as channel:
                    check = channel.unary_unary(
                        "/grpc.health.v1.Health/Check",
                        request_serializer=lambda _: b"",
                        response_deserializer=lambda raw: raw)
                    self.assertEqual(check(None, timeout=10), b"\x08\x01", server.kind)

    def test_sigterm_shuts_servers_down_cleanly(self):
        c = cluster.Cluster()
        try:
            for server in [c.coordinator, c.aggregator] + c.extract + c.sentence + c.dedup:
                self.assertEqual(server.terminate(), 0, server.kind)
        finally:
            c.stop()

    def test_sigterm_mid_batch_answers_what_was_admitted_then_interrupts(self):
        with cluster.Cluster(coordinator_args=["--max_in_flight=1",
                                               "--parallelism=1"]) as c:
            terminated = []

            def terminate_on_first_result(result):
                if not terminated:
                    terminated.append(result.id)
                    c.coordinator.process.send_signal(signal.SIGTERM)

            with gleaner_client.GleanerClient(c.coordinator.address) as client:
                with self.assertRaises(gleaner_client.JobInterrupted) as caught:
                    client.submit_files(CORPUS, on_result=terminate_on_first_result)
            self.assertEqual(c.coordinator.process.wait(timeout=60), 0)
            # It stopped admitting: one window's worth, not the batch.
            first = caught.exception.batch.results
            self.assertEqual(len(terminated), 1)
            self.assertLess(len(first), len(CORPUS))
            done = {r.id for r in first}
            # A replica on the same journal finishes the job.
            replica = c.add_coordinator()
            with gleaner_client.GleanerClient(replica.address) as client:
                rest = client.submit_files([p for p in CORPUS if p not in done],
                                           resume_job_id=caught.exception.job_id)
        self.assertEqual(rest.job_id, caught.exception.job_id)
        self.assertEqual(sorted([r.id for r in first] + [r.id for r in rest.results]),
                         sorted(CORPUS))
        self.assertEqual(rest.summary.documents, len(CORPUS))

    def test_malformed_requests_are_rejected(self):
        with cluster.Cluster() as c:
            channel = grpc.insecure_channel(c.coordinator.address)
            stub = gleaner_client.coordinator_service_pb2_grpc.CoordinatorStub(channel)
            pb2 = gleaner_client.coordinator_service_pb2
            doc = pb2.SubmitRequest(document=gleaner_client.document_pb2.RawDocument(
                id="a", content=b"text"))
            late_options = pb2.SubmitRequest(options=pb2.BatchOptions())
            with self.assertRaises(grpc.RpcError) as raised:
                list(stub.Submit(iter([doc, late_options])))
            self.assertEqual(raised.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
            with self.assertRaises(grpc.RpcError) as raised:
                stub.GetJobStatus(pb2.GetJobStatusRequest(job_id="nope"))
            self.assertEqual(raised.exception.code(), grpc.StatusCode.NOT_FOUND)
            channel.close()


if __name__ == "__main__":
    unittest.main()
