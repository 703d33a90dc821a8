"""Starts Gleaner's services as separate processes on loopback ports.

Every server prints "LISTENING <port>" on stdout once it serves; the
cluster reads that line instead of sleeping, so start-up is synchronised
on the real event.
"""

import os
import select
import signal
import subprocess
import tempfile


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
            [runfile(BINARIES[kind]), "--port=0"] + list(args),
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], start_timeout)
        line = self.process.stdout.readline() if ready else ""
        if not line.startswith("LISTENING "):
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"{kind} did not start: {line!r} {self.stderr()}")
        self.port = int(line.split()[1])
        self.address = f"127.0.0.1:{self.port}"

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
        # Every coordinator of the cluster shares one job journal directory,
        # as replicas behind one Service share a volume.
        self.journal_dir = tempfile.mkdtemp(prefix="gleaner-journal-")
        self.coordinator_args = list(coordinator_args)
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
            self.coordinator = self.add_coordinator()
        except Exception:
            self.stop()
            raise

    def add_coordinator(self, port=0):
        """Starts a(nother) coordinator on the cluster's workers and journal;
        `port` reuses a stopped one's port, as a restarted pod keeps its
        Service address."""
        return self._start("coordinator", [
            "--dedup=" + ",".join(s.address for s in self.dedup),
            "--sentence=" + ",".join(s.address for s in self.sentence),
            "--extract=" + ",".join(s.address for s in self.extract),
            "--aggregator=" + self.aggregator.address,
            "--journal_dir=" + self.journal_dir,
            f"--port={port}",
        ] + self.coordinator_args)

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
