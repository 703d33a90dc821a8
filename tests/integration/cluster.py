"""Starts Gleaner's services as separate processes on loopback ports.

Every server prints "LISTENING <port>" on stdout once it serves; the
cluster reads that line instead of sleeping, so start-up is synchronised
on the real event.

Servers refuse to start without TLS files unless told --plaintext. A
cluster runs in plaintext unless given `security=Security.create()`, which
makes a CA and a certificate per service with openssl (tools/make_certs.sh)
and a token per client; then every server runs with mutual TLS and clients
pass `cluster.client_flags` to `gleaner submit`.
"""

import os
import secrets
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


SERVICE_NAMES = {
    "dedup": "gleaner-dedup",
    "sentence": "gleaner-sentence",
    "extract": "gleaner-extract",
    "aggregator": "gleaner-aggregator",
    "coordinator": "gleaner-coordinator",
}


class Security:
    """Certificates (made at test time by openssl) and client tokens."""

    def __init__(self, directory, tokens):
        self.dir = directory
        self.tokens = tokens  # client name -> token
        self.token_file = os.path.join(directory, "clients.tokens")
        with open(self.token_file, "w", encoding="ascii") as f:
            for name, token in tokens.items():
                f.write(f"{name} {token}\n")

    @classmethod
    def create(cls, clients=("alice", "bob"), extra_names=()):
        """A new CA with a certificate per service (and per extra name, e.g. an
        attacker's certificate from the same CA) and a token per client."""
        directory = tempfile.mkdtemp(prefix="gleaner-certs-")
        subprocess.run([runfile("tools/make_certs.sh"), directory]
                       + list(SERVICE_NAMES.values()) + list(extra_names),
                       check=True, capture_output=True)
        return cls(directory, {name: secrets.token_hex(16) for name in clients})

    def path(self, name):
        return os.path.join(self.dir, name)

    def pem(self, name):
        with open(self.path(name), "rb") as f:
            return f.read()

    def server_flags(self, kind):
        """The TLS flags of one server; the coordinator also checks tokens."""
        name = SERVICE_NAMES[kind]
        flags = [f"--tls_cert={self.path(name + '.crt')}",
                 f"--tls_key={self.path(name + '.key')}",
                 f"--tls_ca={self.path('ca.crt')}"]
        if kind == "coordinator":
            flags.append(f"--token_file={self.token_file}")
        return flags

    def client_flags(self, client):
        """`gleaner submit` flags for one client."""
        token_file = self.path(f"{client}.token")
        with open(token_file, "w", encoding="ascii") as f:
            f.write(self.tokens[client] + "\n")
        return [f"--tls_ca={self.path('ca.crt')}", f"--token_file={token_file}"]


PLAINTEXT = None


class Server:
    """One server process; plaintext unless given a Security."""

    def __init__(self, kind, args=(), start_timeout=60, security=PLAINTEXT):
        self.kind = kind
        # stderr goes to a file: a pipe nobody reads would block a chatty
        # server once its buffer fills.
        self.log = tempfile.NamedTemporaryFile(prefix=f"gleaner-{kind}-",
                                               suffix=".log", delete=False)
        security_flags = (["--plaintext"] if security is PLAINTEXT
                          else security.server_flags(kind))
        self.process = subprocess.Popen(
            [runfile(BINARIES[kind]), "--port=0"] + security_flags + list(args),
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
                 coordinator_args=(), dedup_args=(), index_dir=None,
                 security=PLAINTEXT):
        self.servers = []
        self.security = security
        # `gleaner submit` flags for this cluster (the first client's token
        # under TLS).
        self.client_flags = (["--plaintext"] if security is PLAINTEXT
                             else security.client_flags(next(iter(security.tokens))))
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
            # A store of the cluster's own: the default file in the working
            # directory would outlive the test.
            self.store_dir = tempfile.mkdtemp(prefix="gleaner-store-")
            self.aggregator = self._start(
                "aggregator", [f"--store=sqlite:{self.store_dir}/store.db"])
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
        server = Server(kind, args, security=self.security)
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
