"""Starts Gleaner's services as separate processes on loopback ports.

Every server prints "LISTENING <port>" on stdout once it serves; the
cluster reads that line instead of sleeping, so start-up is synchronised
on the real event. Servers given --metrics_port (say
`Cluster(server_args=["--metrics_port=0"])`) also serve Prometheus metrics;
Server.scrape() reads them.

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
import time
import urllib.error
import urllib.request


def poll(condition, timeout, what):
    """Returns condition()'s first truthy value, checked until `timeout`."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)  # polling interval, not synchronisation
    raise AssertionError(f"timed out waiting for {what}")


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
    """One server process; plaintext unless given a Security.

    `wrapper` prefixes the command line (say `ip netns exec HOST`), and
    `host` is the address clients use to reach it.
    """

    def __init__(self, kind, args=(), start_timeout=60, port=0,
                 wrapper=(), host="127.0.0.1", security=PLAINTEXT):
        self.kind = kind
        # Kept for restart(): the security flags, then the server's own.
        self.args = (["--plaintext"] if security is PLAINTEXT
                     else security.server_flags(kind)) + list(args)
        self.wrapper = list(wrapper)
        self.start_timeout = start_timeout
        # stderr goes to a file: a pipe nobody reads would block a chatty
        # server once its buffer fills.
        self.log = tempfile.NamedTemporaryFile(prefix=f"gleaner-{kind}-",
                                               suffix=".log", delete=False)
        self._start(port, host)

    def _start(self, port, host):
        self.process = subprocess.Popen(
            self.wrapper + [runfile(BINARIES[self.kind]), f"--port={port}"]
            + self.args,
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        kind, start_timeout = self.kind, self.start_timeout
        ready, _, _ = select.select([self.process.stdout], [], [], start_timeout)
        line = self.process.stdout.readline() if ready else ""
        if not line.startswith("LISTENING "):
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"{kind} did not start: {line!r} {self.stderr()}")
        words = line.split()
        self.port = int(words[1])
        # "LISTENING <port> METRICS <port>" when --metrics_port is given.
        self.metrics_port = (int(words[3]) if len(words) >= 4
                             and words[2] == "METRICS" else None)
        self.host = host
        self.address = f"{host}:{self.port}"

    def restart(self):
        """Starts the server again on the same port and flags (after kill)."""
        assert self.process.poll() is not None, "still running"
        self._start(self.port, self.host)

    def http_get(self, path, timeout=10):
        """GET `path` on the metrics port: (status, content type, body)."""
        url = f"http://{self.host}:{self.metrics_port}{path}"
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
        self.process.stdout.close()

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
                 server_args=(), security=PLAINTEXT):
        self.servers = []
        # Flags every server gets (say --metrics_port=0).
        self.server_args = list(server_args)
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
        server = Server(kind, list(args) + self.server_args,
                        security=self.security)
        self.servers.append(server)
        return server

    def stop(self):
        for server in reversed(self.servers):
            server.kill()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def make_corpus(directory, count):
    """Writes `count` distinct documents built from the bundled corpus.

    Document i is corpus page i % 5 with its lines rotated by i // 5
    and a numbered first line, so every document is new text (no exact
    duplicates) while some are near duplicates of one another, as in a real
    crawl. Returns the paths in order.
    """
    pages = []
    for path in sorted(os.listdir(runfile("testdata/corpus"))):
        with open(os.path.join(runfile("testdata/corpus"), path),
                  encoding="utf-8") as f:
            pages.append([p for p in f.read().split("\n") if p.strip()])
    os.makedirs(directory, exist_ok=True)
    paths = []
    for i in range(count):
        paragraphs = pages[i % len(pages)]
        turn = (i // len(pages)) % len(paragraphs)
        text = "\n".join([f"문서 {i}번."] + paragraphs[turn:] + paragraphs[:turn])
        path = os.path.join(directory, f"doc{i:05d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        paths.append(path)
    return paths


def gleaner(*args, check=True):
    """Runs the `gleaner` command; returns the CompletedProcess."""
    return subprocess.run([runfile(BINARIES["gleaner"])] + list(args),
                          capture_output=True, text=True, check=check)
