"""Gleaner over four hosts (issue 15, acceptance 1).

Hosts are Linux network namespaces joined by a bridge (netns.py); only
their addresses are used:
  coord   10.77.0.1  coordinator and aggregator
  work1   10.77.0.2  sentence, extract, dedup shard 0
  work2   10.77.0.3  sentence, extract, dedup shard 1
  client  10.77.0.4  `gleaner submit` and the metrics reader
The coordinator finds the sentence replicas through a name with two
addresses (dns:///sentence.gleaner.test:7002, from the coordinator host's
/etc/hosts, as a headless Service would give them) and the extract replicas
through a static list. Every server exposes its metrics endpoint; shares
are read from there. Plaintext (--plaintext, cluster.Server's default):
TLS is covered by tests/integration/security_test.py.
"""

import atexit
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

from tests.integration import cluster
from tests.integration import prometheus_text as prom
from tests.multihost import netns

DOCUMENTS = 400
STAGE_DEADLINE_S = 4
SENTENCE_NAME = "sentence.gleaner.test"
PORTS = {"dedup": 7001, "sentence": 7002, "extract": 7003, "aggregator": 7004,
         "coordinator": 7000}
METRICS_PORTS = {kind: port + 2000 for kind, port in PORTS.items()}
POLL_S = 0.05  # between polls of a condition
BOUND_S = 120  # longest any condition is waited for


# Asks grpc.health.v1.Health/Check about argv[2] on argv[1]; prints the
# status number. The messages are one field each, written by hand: Debian's
# python3-grpcio has no health stubs.
HEALTH_CHECK = """
import sys, grpc
name = sys.argv[2].encode()
with grpc.insecure_channel(sys.argv[1]) as channel:
    check = channel.unary_unary("/grpc.health.v1.Health/Check",
                                request_serializer=lambda r: r,
                                response_deserializer=lambda r: r)
    answer = check((b"\\x0a" + bytes([len(name)]) + name) if name else b"", timeout=10)
    print(answer[1] if len(answer) >= 2 else 0)
"""


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class MultiHostCluster:
    """The services of one run, each on its host; a fresh dedup index."""

    def __init__(self, net, tmp):
        self.net = net
        self.servers = []
        index = tempfile.mkdtemp(prefix="index-", dir=tmp)
        try:
            self.dedup = [self._start("dedup", host, [
                f"--shard_index={i}", "--num_shards=2",
                f"--index_dir={index}/shard{i}"])
                for i, host in enumerate(["work1", "work2"])]
            self.sentence = [self._start("sentence", h) for h in ["work1", "work2"]]
            self.extract = [self._start("extract", h) for h in ["work1", "work2"]]
            # A store of this run's own, as cluster.Cluster keeps one.
            store = tempfile.mkdtemp(prefix="store-", dir=tmp)
            self.aggregator = self._start(
                "aggregator", "coord", [f"--store=sqlite:{store}/store.db"])
            self.coordinator = self._start("coordinator", "coord", [
                "--dedup=" + ",".join(s.address for s in self.dedup),
                f"--sentence=dns:///{SENTENCE_NAME}:{PORTS['sentence']}",
                "--extract=" + ",".join(s.address for s in self.extract),
                "--aggregator=" + self.aggregator.address,
                f"--stage_deadline={STAGE_DEADLINE_S}s",
                # The stopped replica stays out for the whole batch.
                "--ejection_time=60s",
            ])
        except Exception:
            self.stop()
            raise

    def _start(self, kind, host, args=()):
        flags = [f"--listen={self.net.addresses[host]}",
                 f"--metrics_port={METRICS_PORTS[kind]}"]
        if kind != "coordinator":
            flags.append("--drain_delay=2s")
        server = cluster.Server(kind, flags + list(args), port=PORTS[kind],
                                wrapper=self.net.wrapper(host),
                                host=self.net.addresses[host])
        self.servers.append(server)
        return server

    def metrics(self, server):
        """The server's metrics, fetched from the client host."""
        url = f"http://{server.host}:{server.metrics_port}/metrics"
        out = self.net.run("client", [
            "/usr/bin/python3", "-c",
            "import sys, urllib.request; "
            "print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())",
            url], capture_output=True, text=True, check=True).stdout
        return prom.parse(out)

    def healthz(self, server):
        url = f"http://{server.host}:{server.metrics_port}/healthz"
        out = self.net.run("client", [
            "/usr/bin/python3", "-c",
            "import sys, urllib.request, urllib.error\n"
            "try:\n print(urllib.request.urlopen(sys.argv[1], timeout=10).status)\n"
            "except urllib.error.HTTPError as e:\n print(e.code)",
            url], capture_output=True, text=True, check=True).stdout
        return int(out.strip())

    def health(self, server, service=""):
        """grpc.health.v1 status of `service` on `server`, asked from the
        client host: 1 SERVING, 2 NOT_SERVING."""
        out = self.net.run("client", ["/usr/bin/python3", "-c", HEALTH_CHECK,
                                      server.address, service],
                           capture_output=True, text=True, check=True).stdout
        return int(out.strip())

    def served(self, server, service):
        """Documents `server` answered (Process calls that ended OK)."""
        return prom.total(self.metrics(server), "gleaner_grpc_server_handled_total",
                     grpc_service=service, grpc_method="Process", grpc_code="OK")

    def submit(self, inputs, output):
        """Starts `gleaner submit` on the client host; returns the process."""
        return subprocess.Popen(
            self.net.wrapper("client") + [
                cluster.runfile(cluster.BINARIES["gleaner"]), "submit",
                "--coordinator=" + self.coordinator.address, "--plaintext",
                "--progress=false", "--output=" + output] + inputs,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def stop(self):
        for server in reversed(self.servers):
            if server.process.poll() is None:
                server.process.send_signal(signal.SIGCONT)  # if stopped
            server.kill()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def log_events(server):
    """The JSON objects `server` logged on stderr (one per line)."""
    events = []
    for line in server.stderr().splitlines():
        if line.startswith("{"):
            try:
                events.append(json.loads(line))
            except ValueError:
                pass  # a line cut short while the server writes it
    return events


def wait_for(condition, what):
    """Polls `condition` until true, for at most BOUND_S."""
    give_up = time.monotonic() + BOUND_S
    while not condition():
        if time.monotonic() > give_up:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(POLL_S)


class MultiHostTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gleaner-multihost-")
        cls.inputs = cluster.make_corpus(os.path.join(cls.tmp, "in"), DOCUMENTS)
        embedded = os.path.join(cls.tmp, "embedded.jsonl")
        cluster.gleaner("run", *cls.inputs, "--output=" + embedded, "--progress=false")
        cls.embedded = {row["source"]: row for row in read_jsonl(embedded)}
        assert len(cls.embedded) == DOCUMENTS
        # Namespaces go away even when a test fails (tearDownClass is
        # skipped when setUpClass fails; class cleanups are not).
        cls.net = netns.Network(["coord", "work1", "work2", "client"])
        cls.addClassCleanup(cls.net.close)
        # Bazel ends a test that runs too long with SIGTERM: exit through
        # the cleanups and atexit instead of dying with the namespaces up.
        atexit.register(cls.net.close)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit("SIGTERM"))
        cls.net.set_hosts_file("coord", {SENTENCE_NAME: [
            cls.net.addresses["work1"], cls.net.addresses["work2"]]})

    def _run(self, c, name, during=None):
        """Submits the corpus, calls `during()` while it runs, and returns
        (exit code, seconds, results by source)."""
        output = os.path.join(self.tmp, name + ".jsonl")
        start = time.monotonic()
        client = c.submit(self.inputs, output)
        try:
            if during is not None:
                during()
            _, stderr = client.communicate(timeout=BOUND_S * 5)
        finally:
            if client.poll() is None:
                client.kill()
        elapsed = time.monotonic() - start
        self.assertEqual(client.returncode, 0, stderr[-2000:])
        return elapsed, {row["source"]: row for row in read_jsonl(output)}

    def _assert_equal_to_embedded(self, results):
        self.assertEqual(len(results), DOCUMENTS)
        self.assertEqual(sorted(results), sorted(self.embedded))
        for source, row in results.items():
            self.assertEqual(row, self.embedded[source], source)

    def test_results_equal_the_embedded_run_and_every_replica_serves_a_share(self):
        with MultiHostCluster(self.net, self.tmp) as c:
            _, results = self._run(c, "fault_free")
            self._assert_equal_to_embedded(results)
            for server in c.sentence:
                self.assertGreaterEqual(c.served(server, "gleaner.v1.Sentence"),
                                        DOCUMENTS / 5, server.address)
            for server in c.extract:
                self.assertGreaterEqual(c.served(server, "gleaner.v1.Extract"),
                                        DOCUMENTS / 5, server.address)
            # Every document goes to every dedup shard.
            for server in c.dedup:
                self.assertEqual(c.served(server, "gleaner.v1.Dedup"), DOCUMENTS,
                                 server.address)
            self.assertEqual(c.served(c.aggregator, "gleaner.v1.Aggregator"), DOCUMENTS)
            self.assertEqual(c.healthz(c.coordinator), 200)

    def test_a_replica_removed_mid_batch_loses_nothing(self):
        with MultiHostCluster(self.net, self.tmp) as c:
            victim = c.sentence[1]

            def remove_victim():
                wait_for(lambda: c.served(victim, "gleaner.v1.Sentence") >= DOCUMENTS / 10,
                         "the replica to serve part of the batch")
                # The pod goes: SIGTERM, and its address leaves the name.
                victim.process.send_signal(signal.SIGTERM)
                self.net.set_hosts_file("coord", {SENTENCE_NAME: [c.sentence[0].host]})

            try:
                _, results = self._run(c, "sigterm", during=remove_victim)
            finally:
                self.net.set_hosts_file("coord", {SENTENCE_NAME: [
                    s.host for s in c.sentence]})
            self.assertEqual(victim.process.wait(timeout=BOUND_S), 0)
            self._assert_equal_to_embedded(results)
            # The name was looked up again and the address dropped.
            removed = {"event": "replica_removed", "stage": "sentence",
                       "replica": victim.address}
            wait_for(lambda: any(removed.items() <= event.items()
                                 for event in log_events(c.coordinator)),
                     "the coordinator to drop the removed address")

    def test_a_stopped_replica_is_ejected_and_costs_one_deadline(self):
        with MultiHostCluster(self.net, self.tmp) as c:
            fault_free_s, _ = self._run(c, "before_sigstop")
        with MultiHostCluster(self.net, self.tmp) as c:
            victim = c.extract[1]

            def stop_victim():
                def busy():
                    samples = c.metrics(victim)
                    return (prom.total(samples, "gleaner_grpc_server_handled_total",
                                  grpc_method="Process") >= DOCUMENTS / 10 and
                            prom.total(samples, "gleaner_grpc_server_in_flight",
                                  grpc_method="Process") > 0)
                wait_for(busy, "the replica to be busy mid-batch")
                victim.process.send_signal(signal.SIGSTOP)

            stopped_s, results = self._run(c, "sigstop", during=stop_victim)
            ejections = prom.total(c.metrics(c.coordinator), "gleaner_replica_ejections_total",
                              replica=victim.address)
        self._assert_equal_to_embedded(results)
        self.assertGreaterEqual(ejections, 1)
        bound = 2 * STAGE_DEADLINE_S + fault_free_s
        self.assertLessEqual(stopped_s, bound,
                             f"fault-free {fault_free_s:.1f}s, with a stopped "
                             f"replica {stopped_s:.1f}s")
        print(f"multihost: fault-free {fault_free_s:.2f}s, SIGSTOP {stopped_s:.2f}s, "
              f"bound {bound:.2f}s")

    def test_the_coordinator_is_not_ready_while_a_stage_has_no_replica(self):
        ready = "gleaner.v1.Coordinator"  # readiness; "" is liveness
        with MultiHostCluster(self.net, self.tmp) as c:
            wait_for(lambda: c.health(c.coordinator, ready) == 1, "the coordinator ready")
            for server in c.extract:
                server.process.send_signal(signal.SIGTERM)
            wait_for(lambda: c.health(c.coordinator, ready) == 2,
                     "the coordinator to report not ready")
            # Alive all the same: nothing should restart it for its workers.
            self.assertEqual(c.health(c.coordinator), 1)
            self.assertEqual(c.healthz(c.coordinator), 200)
            for server in c.extract:
                server.process.wait(timeout=BOUND_S)
                server.restart()
            wait_for(lambda: c.health(c.coordinator, ready) == 1,
                     "the coordinator ready again")


if __name__ == "__main__":
    unittest.main()
