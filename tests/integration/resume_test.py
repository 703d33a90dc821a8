"""Resumable jobs, as processes: a coordinator SIGKILLed mid-batch and the job
resumed on another replica sharing the journal; a coordinator SIGTERMed
mid-batch (draining) and the CLI resuming by itself once it is back; the
CLI's exit status for an interrupted run.

Every cluster runs as deployed: mutual TLS between the services (certificates
made by openssl at test time) and a bearer token per client. A second client
("bob") tries to take over and to read the first client's job while it runs
and while it waits to be resumed, and learns nothing: its answers are those
for a job id nobody ever had.

Synchronisation is on real events (a server's LISTENING line, the job id on
the CLI's stderr, the job's progress read over GetJobStatus), each polled
with a bound; nothing sleeps to wait.
"""

import collections
import json
import os
import re
import secrets
import signal
import subprocess
import tempfile
import unittest

import grpc

from clients.python import gleaner_client
from tests.integration import cluster

pb2 = gleaner_client.coordinator_service_pb2
ALL_STAGES = {"STAGE_DEDUP", "STAGE_SENTENCE", "STAGE_EXTRACT", "STAGE_AGGREGATE"}
EXIT_INTERRUPTED = 6  # cli/command_line.h


def write_documents(path, count):
    """`count` small, distinct Korean news-like documents as JSON Lines."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            text = (f"{i}번 기사. 삼성전자는 {i % 97 + 1}억 원을 {i}번째 공장에 투자했다고 "
                    f"밝혔다. 김철수 대표는 {i * 7 % 1000}명을 채용한다고 말했다.")
            f.write(json.dumps({"id": f"doc-{i:05d}", "text": text},
                               ensure_ascii=False) + "\n")


def read_ids(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["id"] for line in f if line.strip()]


class Submission:
    """`gleaner submit` running in the background."""

    def __init__(self, *args):
        self.stderr_file = tempfile.NamedTemporaryFile(
            prefix="gleaner-submit-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [cluster.runfile(cluster.BINARIES["gleaner"]), "submit", "--progress=false"]
            + list(args),
            stdout=subprocess.DEVNULL, stderr=self.stderr_file)
        self.stderr_file.close()  # the child holds its own descriptor

    def stderr(self):
        with open(self.stderr_file.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def job_id(self):
        """The job id the CLI prints before it sends any document."""
        def printed():
            match = re.search(r"gleaner: job (\S+) \(resume with", self.stderr())
            if self.process.poll() is not None and not match:
                raise AssertionError("submit exited early: " + self.stderr())
            return match and match.group(1)
        return cluster.poll(printed, 60, "the job id on stderr")

    def wait(self, timeout=300):
        return self.process.wait(timeout=timeout)


def coordinator_call(security, server, client, call):
    """Runs call(stub, metadata) on a TLS channel to `server` as `client`."""
    credentials = grpc.ssl_channel_credentials(root_certificates=security.pem("ca.crt"))
    with grpc.secure_channel(server.address, credentials) as channel:
        stub = gleaner_client.coordinator_service_pb2_grpc.CoordinatorStub(channel)
        return call(stub, [("authorization", f"Bearer {security.tokens[client]}")])


def job_status(security, server, job_id, client="alice"):
    return coordinator_call(security, server, client, lambda stub, metadata: stub.GetJobStatus(
        pb2.GetJobStatusRequest(job_id=job_id), timeout=10, metadata=metadata))


def resume_stream(security, server, job_id, client):
    """Opens a Submit stream resuming `job_id` and reads its first answer."""
    def first_response(stub, metadata):
        options = pb2.SubmitRequest(options=pb2.BatchOptions(resume_job_id=job_id))
        return next(stub.Submit(iter([options]), timeout=10, metadata=metadata))
    return coordinator_call(security, server, client, first_response)


def refusal(call):
    """(code, details) of the grpc.RpcError that call() raises."""
    try:
        call()
    except grpc.RpcError as error:
        return error.code(), error.details()
    raise AssertionError("the call was not refused")


def unknown_job_id():
    """A well-formed job id that no coordinator ever gave out."""
    return "job-" + secrets.token_hex(16)


class ResumeTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gleaner-resume-")
        cls.security = cluster.Security.create(clients=("alice", "bob"))

    def completed(self, server, job_id):
        return job_status(self.security, server, job_id).progress.completed

    def assert_bob_learns_nothing(self, servers, job_id, state):
        """Bob's GetJobStatus and resume of alice's job (in `state`) answer
        exactly as for a job id nobody had."""
        nobody = unknown_job_id()
        self.assertEqual(job_status(self.security, servers[0], job_id).state, state)
        for server in servers:
            for what, call in (("status", job_status), ("resume", resume_stream)):
                with self.subTest(server=server.port, call=what, state=state):
                    code, details = refusal(
                        lambda: call(self.security, server, job_id, "bob"))
                    self.assertEqual(code, grpc.StatusCode.NOT_FOUND, details)
                    _, nobodys = refusal(lambda: call(self.security, server, nobody, "bob"))
                    self.assertEqual(details.replace(job_id, "JOB"),
                                     nobodys.replace(nobody, "JOB"))
        # Bob's refused attempts took nothing: the job is where it was.
        self.assertEqual(job_status(self.security, servers[0], job_id).state, state)

    def assert_every_document_once(self, out, count):
        ids = read_ids(out)
        repeated = [i for i, n in collections.Counter(ids).items() if n > 1]
        self.assertEqual(repeated, [], "results delivered twice")
        expected = {f"doc-{i:05d}" for i in range(count)}
        self.assertEqual(len(expected - set(ids)), 0, "documents lost")
        self.assertEqual(set(ids), expected)
        with open(out, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                self.assertNotIn("errors", row, row["id"])
                self.assertEqual(set(row["completed_stages"]), ALL_STAGES, row["id"])

    def test_sigkill_mid_batch_then_resume_on_another_replica(self):
        count = 3000
        docs = os.path.join(self.tmp, "kill.jsonl")
        write_documents(docs, count)
        out = os.path.join(self.tmp, "kill-results.jsonl")
        view = os.path.join(self.tmp, "kill-view.json")
        with cluster.Cluster(security=self.security) as c:
            replica = c.add_coordinator()  # shares the journal volume
            first = Submission(*c.client_flags, "--coordinator=" + c.coordinator.address, docs,
                               "--output=" + out, "--corpus_view=" + view,
                               "--resume_timeout=0")
            job_id = first.job_id()
            cluster.poll(lambda: self.completed(c.coordinator, job_id) >= 500, 120,
                 "500 results")
            # A replica that does not run the job answers alice from the
            # shared journal...
            running = job_status(self.security, replica, job_id)
            self.assertEqual(running.state, pb2.JobStatus.STATE_RUNNING)
            self.assertGreaterEqual(running.progress.completed, 1)
            # ...while bob can neither take it over nor see it on either.
            self.assert_bob_learns_nothing([c.coordinator, replica], job_id,
                                           pb2.JobStatus.STATE_RUNNING)
            c.coordinator.kill()  # SIGKILL mid-batch

            # The partial run: exit 6, the exact resume command, results kept.
            self.assertEqual(first.wait(), EXIT_INTERRUPTED, first.stderr())
            self.assertIn(f"gleaner submit --resume={job_id} ", first.stderr())
            delivered_before = len(read_ids(out))
            self.assertGreater(delivered_before, 0)
            self.assertLess(delivered_before, count)

            # The other replica reads the job from the shared journal...
            status = job_status(self.security, replica, job_id)
            self.assertEqual(status.state, pb2.JobStatus.STATE_INTERRUPTED)
            self.assertGreaterEqual(status.progress.completed, delivered_before)

            # ...where bob cannot resume it, with `gleaner submit` either:
            # refused as an unknown job, no result written.
            self.assert_bob_learns_nothing([replica], job_id, pb2.JobStatus.STATE_INTERRUPTED)
            bob_out = os.path.join(self.tmp, "bob-results.jsonl")
            open(bob_out, "w").close()
            bob = cluster.gleaner("submit", "--progress=false",
                                  *self.security.client_flags("bob"), "--resume=" + job_id,
                                  "--coordinator=" + replica.address, docs,
                                  "--output=" + bob_out, check=False)
            self.assertEqual(bob.returncode, 3, bob.stderr)
            self.assertIn(f"unknown job '{job_id}'", bob.stderr)
            self.assertEqual(os.path.getsize(bob_out), 0)

            # ...and alice resumes it.
            second = Submission(*c.client_flags, "--resume=" + job_id, "--coordinator=" + replica.address,
                                docs, "--output=" + out, "--corpus_view=" + view)
            self.assertEqual(second.wait(), 0, second.stderr())
            self.assertIn(f"resumed job {job_id}", second.stderr())
            done = job_status(self.security, replica, job_id)
            # Done, bob still sees nothing of it.
            self.assert_bob_learns_nothing([replica], job_id, pb2.JobStatus.STATE_DONE)
        self.assert_every_document_once(out, count)
        self.assertEqual(done.state, pb2.JobStatus.STATE_DONE)
        self.assertEqual(done.summary.documents, count)
        with open(view, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["documents"], count)  # the view covers the job

    def test_sigterm_mid_batch_drains_and_the_cli_resumes(self):
        count = 10000
        docs = os.path.join(self.tmp, "term.jsonl")
        write_documents(docs, count)
        out = os.path.join(self.tmp, "term-results.jsonl")
        with cluster.Cluster(coordinator_args=["--drain_grace=60s"],
                             security=self.security) as c:
            port = c.coordinator.port
            run = Submission(*c.client_flags, "--coordinator=" + c.coordinator.address, docs,
                             "--output=" + out)
            job_id = run.job_id()
            cluster.poll(lambda: self.completed(c.coordinator, job_id) >= 2000, 120,
                 "2000 results")
            self.assertEqual(c.coordinator.terminate(), 0)  # SIGTERM: drains, exits
            self.assertIn('"open_streams_at_deadline":0', c.coordinator.stderr())
            # Back on the same address, as a restarted pod behind its Service.
            c.coordinator = c.add_coordinator(port=port)
            self.assertEqual(run.wait(), 0, run.stderr())
        self.assertIn("coordinator draining", run.stderr())
        self.assertIn(f"resumed job {job_id}", run.stderr())
        self.assert_every_document_once(out, count)

    def test_resume_of_an_unknown_job_is_refused(self):
        docs = os.path.join(self.tmp, "one.jsonl")
        write_documents(docs, 1)
        out = os.path.join(self.tmp, "one-results.jsonl")
        open(out, "w").close()
        with cluster.Cluster(security=self.security) as c:
            run = cluster.gleaner("submit", "--progress=false", *c.client_flags, "--resume=job-nobody",
                                  "--coordinator=" + c.coordinator.address, docs,
                                  "--output=" + out, check=False)
            bad = cluster.gleaner("submit", "--progress=false", *c.client_flags, "--resume=../etc",
                                  "--coordinator=" + c.coordinator.address, docs,
                                  "--output=" + out, check=False)
        self.assertEqual(run.returncode, 3, run.stderr)
        self.assertIn("unknown job 'job-nobody'", run.stderr)
        self.assertEqual(bad.returncode, 2, bad.stderr)  # a usage error
        self.assertIn("is not a job id", bad.stderr)


if __name__ == "__main__":
    unittest.main()
