"""Measured scaling (issue 15): 1, 2 and 4 replicas of each worker kind
(sentence and extract) as separate processes on loopback, one dedup shard
and one aggregator, the same generated corpus each time.

    bazel run -c opt //tests/integration:scaling_benchmark -- [--documents=600] [--runs=2]

Prints documents/s per configuration (best of --runs) and each replica's
share of the documents, read from its /metrics endpoint. Not a test: the
figures go to docs/benchmarks.md.
"""

import argparse
import os
import subprocess
import tempfile
import time

from tests.integration import cluster
from tests.integration import prometheus_text as prom


def served(server, service):
    """Process calls `server` answered OK, from its metrics endpoint."""
    return prom.total(prom.parse(server.scrape()), "gleaner_grpc_server_handled_total",
                      grpc_service=service, grpc_method="Process", grpc_code="OK")


def run_once(inputs, replicas, tmp):
    with cluster.Cluster(sentence=replicas, extract=replicas,
                         server_args=["--metrics_port=0"]) as c:
        out = os.path.join(tmp, f"r{replicas}.jsonl")
        start = time.monotonic()
        subprocess.run([cluster.runfile(cluster.BINARIES["gleaner"]), "submit",
                        "--coordinator=" + c.coordinator.address, *c.client_flags,
                        "--progress=false",
                        "--output=" + out] + inputs, check=True,
                       stdout=subprocess.DEVNULL)
        seconds = time.monotonic() - start
        shares = {
            "sentence": [served(s, "gleaner.v1.Sentence") for s in c.sentence],
            "extract": [served(s, "gleaner.v1.Extract") for s in c.extract],
        }
    return seconds, shares


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=600)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="gleaner-scaling-")
    inputs = cluster.make_corpus(os.path.join(tmp, "in"), args.documents)
    megabytes = sum(os.path.getsize(p) for p in inputs) / 1e6
    print(f"{args.documents} documents, {megabytes:.1f} MB, {os.cpu_count()} CPUs")
    print("| replicas per kind | seconds (best of %d) | documents/s | MB/s | "
          "sentence share | extract share |" % args.runs)
    print("|---|---|---|---|---|---|")
    for replicas in (1, 2, 4):
        best = None
        for _ in range(args.runs):
            seconds, shares = run_once(inputs, replicas, tmp)
            if best is None or seconds < best[0]:
                best = (seconds, shares)
        seconds, shares = best

        def fmt(counts):
            return " / ".join(f"{100 * n / args.documents:.0f}%" for n in counts)

        print(f"| {replicas} | {seconds:.2f} | {args.documents / seconds:.0f} | "
              f"{megabytes / seconds:.1f} | {fmt(shares['sentence'])} | "
              f"{fmt(shares['extract'])} |", flush=True)


if __name__ == "__main__":
    main()
