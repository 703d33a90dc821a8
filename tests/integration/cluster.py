"""Starts Gleaner's services as separate processes on loopback ports.

Every server prints "LISTENING <port> METRICS <port>" on stdout once it
serves; the cluster reads that line instead of sleeping, so start-up is
synchronised on the real event. Every server also serves Prometheus metrics
on a free port (--metrics_port=0); Server.scrape() reads them.
"""

import os
import select
import signal
import subprocess
import tempfile
import urllib.error
import urllib.request


def runfile(path):
    """Absolute path of a file in the test's runfiles (workspace-relative)."""
    root = os.environ.get("TEST_SRCDIR")
    if root:
        return os.path.join(root, os.environ.get("TEST_WORKSPACE", "gleaner"), path)
    return os.path.abspath(path)


BINARIES = {
    "dedup": "workers/dedup/dedup_server",
    "sentence": "workers/sentence/sentence_server",
    "extract": "workers/extract/extract_server",
    "aggregator": "services/aggregator/aggregator_server",
    "coordinator": "services/coordinator/coordinator_server",
    "gleaner": "cli/gleaner",
}


class Server:
    """One server process."""

    def __init__(self, kind, args=(), start_timeout=60):
        self.kind = kind
        # stderr goes to a file: a pipe nobody reads would block a chatty
        # server once its buffer fills.
        self.log = tempfile.NamedTemporaryFile(prefix=f"gleaner-{kind}-",
                                               suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [runfile(BINARIES[kind]), "--port=0", "--metrics_port=0"]
            + list(args),
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], start_timeout)
        line = self.process.stdout.readline() if ready else ""
        if not line.startswith("LISTENING "):
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"{kind} did not start: {line!r} {self.stderr()}")
        words = line.split()
        self.port = int(words[1])
        self.address = f"127.0.0.1:{self.port}"
        # "LISTENING <port> METRICS <port>"; None if told --metrics_port=-1.
        self.metrics_port = (int(words[3]) if len(words) >= 4
                             and words[2] == "METRICS" else None)

    def http_get(self, path, timeout=10):
        """GET `path` on the metrics port: (status, content type, body)."""
        url = f"http://127.0.0.1:{self.metrics_port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=timeout) as reply:
                return (reply.status, reply.headers.get("Content-Type"),
                        reply.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            return (error.code, error.headers.get("Content-Type"),
                    error.read().decode("utf-8"))

    def scrape(self):
        """The text of /metrics (Prometheus exposition format 0.0.4)."""
        status, _, body = self.http_get("/metrics")
        if status != 200:
            raise RuntimeError(f"{self.kind} /metrics answered {status}")
        return body

    def kill(self):
        """SIGKILL: the process dies at once, in-flight work is lost."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def terminate(self, timeout=60):
        """SIGTERM: graceful shutdown; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def stderr(self):
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read()


class Cluster:
    """dedup, sentence, extract (replicas each), aggregator and a coordinator."""

    def __init__(self, dedup_shards=1, sentence=1, extract=1,
                 coordinator_args=(), dedup_args=(), index_dir=None):
        self.servers = []
        # Pass the index_dir of an earlier cluster to restart on its index.
        self.index_dir = index_dir or tempfile.mkdtemp(prefix="gleaner-dedup-")
        try:
            self.dedup = [
                self._start("dedup", [f"--shard_index={i}",
                                      f"--num_shards={dedup_shards}",
                                      f"--index_dir={self.index_dir}/shard{i}"]
                            + list(dedup_args))
                for i in range(dedup_shards)]
            self.sentence = [self._start("sentence") for _ in range(sentence)]
            self.extract = [self._start("extract") for _ in range(extract)]
            self.aggregator = self._start("aggregator")
            self.coordinator = self._start("coordinator", [
                "--dedup=" + ",".join(s.address for s in self.dedup),
                "--sentence=" + ",".join(s.address for s in self.sentence),
                "--extract=" + ",".join(s.address for s in self.extract),
                "--aggregator=" + self.aggregator.address,
            ] + list(coordinator_args))
        except Exception:
            self.stop()
            raise

    def _start(self, kind, args=()):
        server = Server(kind, args)
        self.servers.append(server)
        return server

    def stop(self):
        for server in reversed(self.servers):
            server.kill()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def gleaner(*args, check=True):
    """Runs the `gleaner` command; returns the CompletedProcess."""
    return subprocess.run([runfile(BINARIES["gleaner"])] + list(args),
                          capture_output=True, text=True, check=check)
