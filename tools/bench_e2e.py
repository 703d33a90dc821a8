#!/usr/bin/python3
"""End-to-end benchmark: replicates the bundled corpus to at least --mb
megabytes and runs it (1) embedded with `gleaner run` and (2) through every
service as a separate process on loopback with `gleaner submit`, reporting
MB/s, documents/s and peak memory (max RSS) for each, so the cost of the
gRPC hops is visible.

    tools/bench_e2e.py [--mb 100] [--keep DIR] [--bin_dir DIR]

--bin_dir runs binaries already built elsewhere (same layout as bazel-bin,
for example another checkout's, to compare before and after) instead of
building this checkout with `bazel build -c opt`.

Each replica gets a unique first line, so no copy is an exact duplicate (exact
duplicates skip most stages and would flatter the figures); they are near
duplicates, which go through every stage.
"""

import argparse
import glob
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.chdir(ROOT)

from tests.integration import cluster  # noqa: E402


BIN_DIR = os.path.join(ROOT, "bazel-bin")


def bazel_bin(path):
    return os.path.join(BIN_DIR, path)


def replicate(target_mb, out_dir):
    sources = sorted(glob.glob(os.path.join(ROOT, "testdata/corpus/*.txt")))
    contents = [open(p, "rb").read() for p in sources]
    total = 0
    n = 0
    while total < target_mb * 1e6:
        for path, content in zip(sources, contents):
            name = f"{n:06d}_{os.path.basename(path)}"
            with open(os.path.join(out_dir, name), "wb") as f:
                f.write(f"replica {n}\n".encode() + content)
            total += len(content)
            n += 1
    return n, total


def peak_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid):
    """User + system CPU time of a running process so far."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def report(label, docs, total_bytes, seconds, rss_mb, cpu):
    # MB per CPU-second does not depend on what else the machine runs; on a
    # shared machine it is the figure to compare.
    print(f"{label:28s} {docs:6d} docs {total_bytes / 1e6:8.1f} MB "
          f"{seconds:7.2f} s {total_bytes / 1e6 / seconds:8.1f} MB/s "
          f"{docs / seconds:8.1f} docs/s  peak RSS {rss_mb:7.1f} MB  "
          f"CPU {cpu:6.2f} s = {total_bytes / 1e6 / cpu:5.1f} MB/CPU-s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--keep", help="keep the replicated corpus here")
    parser.add_argument("--plaintext", action="store_true",
                        help="run the services without TLS (the default is mutual TLS)")
    parser.add_argument("--replicas", type=int, default=1,
                        help="sentence and extract replicas in the multi-process run")
    parser.add_argument("--only", choices=["embedded", "distributed"],
                        help="run one mode only (for profiling it with perf)")
    parser.add_argument("--perf_dir", help="record each server of the multi-process "
                        "run with `perf record` into DIR/KIND.data")
    parser.add_argument("--callgrind", metavar="KIND=FILE",
                        help="run the servers of one kind (say coordinator) under "
                        "valgrind's callgrind, writing FILE.<pid> per server: an "
                        "instruction count that does not depend on the machine's "
                        "load (use a small --mb)")
    parser.add_argument("--bin_dir", help="use the binaries under this directory "
                        "(bazel-bin layout) instead of building")
    args = parser.parse_args()

    global BIN_DIR
    if args.bin_dir:
        BIN_DIR = os.path.abspath(args.bin_dir)
    else:
        subprocess.run(["bazel", "build", "-c", "opt", "//cli:gleaner",
                        "//services/coordinator:coordinator_server",
                        "//services/aggregator:aggregator_server",
                        "//workers/dedup:dedup_server", "//workers/sentence:sentence_server",
                        "//workers/extract:extract_server"], check=True)
    for kind, path in cluster.BINARIES.items():
        cluster.BINARIES[kind] = bazel_bin(path)
    wrapper_dir = wrap_in_callgrind(*args.callgrind.split("=", 1)) if args.callgrind else None

    corpus = args.keep or tempfile.mkdtemp(prefix="gleaner-bench-")
    os.makedirs(corpus, exist_ok=True)
    docs, total = replicate(args.mb, corpus)
    out = tempfile.mktemp(suffix=".jsonl")
    print(f"corpus: {docs} documents, {total / 1e6:.1f} MB in {corpus}; "
          f"{os.cpu_count()} cores")

    if args.only != "distributed":
        run_embedded(corpus, out, docs, total)
    if args.only != "embedded":
        run_distributed(args, corpus, out, docs, total)
    os.unlink(out)
    if wrapper_dir:
        shutil.rmtree(wrapper_dir)
    if not args.keep:
        shutil.rmtree(corpus)


def run_embedded(corpus, out, docs, total):
    start = time.monotonic()
    proc = subprocess.Popen([bazel_bin("cli/gleaner"), "run", corpus,
                             "--output=" + out, "--progress=false"],
                            stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    if status != 0:
        sys.exit("gleaner run failed")
    report("embedded (gleaner run)", docs, total, seconds, usage.ru_maxrss / 1024,
           usage.ru_utime + usage.ru_stime)


def wrap_in_callgrind(kind, out_file):
    """Starts servers of `kind` through a script that runs them under
    callgrind; the profile is written when the server exits (SIGTERM), one
    file per process (`out_file.<pid>`: replicas of one kind do not
    overwrite each other).
    Returns the script's directory, for the caller to remove."""
    wrapper_dir = tempfile.mkdtemp(prefix="gleaner-callgrind-")
    wrapper = os.path.join(wrapper_dir, kind)
    with open(wrapper, "w") as f:
        f.write("#!/bin/sh\nexec valgrind --tool=callgrind "
                f"--callgrind-out-file={os.path.abspath(out_file)}.%p "
                f"{cluster.BINARIES[kind]} \"$@\"\n")
    os.chmod(wrapper, 0o755)
    cluster.BINARIES[kind] = wrapper
    return wrapper_dir


def start_perf(perf_dir, servers):
    """One `perf record` per server process, stopped with SIGINT (perf's
    own way of ending an attached recording)."""
    if not perf_dir:
        return []
    os.makedirs(perf_dir, exist_ok=True)
    recorders = []
    for i, server in enumerate(servers):
        data = os.path.join(perf_dir, f"{server.kind}{i}.data")
        recorders.append(subprocess.Popen(
            ["perf", "record", "-q", "-o", data, "-p", str(server.process.pid)],
            stdout=subprocess.DEVNULL))
    return recorders


def run_distributed(args, corpus, out, docs, total):
    # Mutual TLS and tokens, as deployed, unless --plaintext.
    security = cluster.PLAINTEXT if args.plaintext else cluster.Security.create()
    with cluster.Cluster(sentence=args.replicas, extract=args.replicas,
                         security=security) as c:
        cpu_before = [cpu_seconds(s.process.pid) for s in c.servers]
        recorders = start_perf(args.perf_dir, c.servers)
        start = time.monotonic()
        client = [bazel_bin("cli/gleaner"), "submit",
                  "--coordinator=" + c.coordinator.address,
                  *c.client_flags, corpus, "--output=" + out, "--progress=false"]
        if args.perf_dir:
            client = ["perf", "record", "-q", "-o",
                      os.path.join(args.perf_dir, "client.data"), "--"] + client
        proc = subprocess.Popen(client, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - start
        for recorder in recorders:
            recorder.send_signal(signal.SIGINT)
            recorder.wait()
        if status != 0:
            sys.exit("gleaner submit failed")
        servers_kb = {}  # summed per kind: there may be several replicas
        kind_cpu = {}
        for s, before in zip(c.servers, cpu_before):
            servers_kb[s.kind] = servers_kb.get(s.kind, 0) + peak_rss_kb(s.process.pid)
            kind_cpu[s.kind] = kind_cpu.get(s.kind, 0) + cpu_seconds(s.process.pid) - before
        servers_cpu = sum(kind_cpu.values())
        report("multi-process (submit)", docs, total, seconds,
               (usage.ru_maxrss + sum(servers_kb.values())) / 1024,
               usage.ru_utime + usage.ru_stime + servers_cpu)
        print("  peak RSS per process (MB): client %.1f, %s" % (
            usage.ru_maxrss / 1024,
            ", ".join(f"{k} {v / 1024:.1f}" for k, v in servers_kb.items())))
        # Where the multi-process run's extra CPU goes, per process.
        print("  CPU per process (s): client %.2f, %s" % (
            usage.ru_utime + usage.ru_stime,
            ", ".join(f"{k} {v:.2f}" for k, v in kind_cpu.items())))
        if args.callgrind:
            # A clean exit, so that callgrind writes its profile.
            for s in c.servers:
                if s.kind == args.callgrind.split("=", 1)[0]:
                    s.process.terminate()
                    s.process.wait()


if __name__ == "__main__":
    main()
