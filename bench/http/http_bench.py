#!/usr/bin/env python3
"""HTTP benchmark of `truce serve`, with wrk (keep-alive) on loopback.

1. pages: GET /api/v1/claims?limit=100 with filters drawn at random per
   request by claims.lua, as an analyst, from a store of N synthetic claims
   (make_store.py; fictional names).
2. small: GET /healthz on truce (routing, metrics and a store ping) beside
   the same request on minimal_beast (a bare Boost.Beast server), measured in
   the same run.
Each is run RUNS times; medians of requests/s and p99 latency are printed,
with the servers' CPU time. Results are recorded in bench/RESULTS.md.
Usage: http_bench.py BUILD_DIR [--claims N] [--runs R] [--seconds S] [--threads T]
"""
import argparse
import os
import signal
import statistics
import subprocess
import tempfile
import time

from http_bench_common import cpu_seconds, wait_for_port, wrk

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("build")
parser.add_argument("--claims", type=int, default=100_000)
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--seconds", type=int, default=10)
parser.add_argument("--threads", type=int, default=4, help="server threads")
parser.add_argument("--connections", type=int, default=16)
args = parser.parse_args()
truce = os.path.join(args.build, "bin/truce")
beast = os.path.join(args.build, "bin/minimal_beast")


def measure(url, script=None, env=None, seconds=None):
    return wrk(url, script, env, args.connections, seconds or args.seconds)


with tempfile.TemporaryDirectory() as work:
    prefix = os.path.join(work, "synthetic")
    db = os.path.join(work, "bench.db")
    subprocess.run(["python3", os.path.join(here, "make_store.py"), str(args.claims), prefix],
                   check=True)
    reports = sorted(os.path.join(work, name) for name in os.listdir(work)
                     if name.startswith("synthetic-"))
    subprocess.run([truce, "init", "--db", db], check=True, capture_output=True)
    started = time.monotonic()
    subprocess.run([truce, "ingest", "--db", db, *reports], check=True, capture_output=True)
    print(f"store: {args.claims} synthetic claims ingested in {time.monotonic() - started:.1f} s")
    subprocess.run([truce, "user", "add", "bench-analyst", "--role", "analyst", "--db", db],
                   check=True, capture_output=True)
    token = subprocess.run([truce, "user", "token", "bench-analyst", "--db", db], check=True,
                           capture_output=True, text=True).stdout.strip()

    server = subprocess.Popen([truce, "serve", "--db", db, "--listen", "127.0.0.1:0", "--threads",
                               str(args.threads), "--rate-limit", "0"],
                              stderr=subprocess.PIPE, text=True)
    port = wait_for_port(server, r"http://127\.0\.0\.1:(\d+)")
    peer_port = port + 1
    peer = subprocess.Popen([beast, str(peer_port), str(args.threads)], stderr=subprocess.PIPE)
    time.sleep(0.5)
    base = f"http://127.0.0.1:{port}"
    env = {"TRUCE_TOKEN": token}
    try:
        measure(base + "/api/v1/claims", os.path.join(here, "claims.lua"), env, seconds=2)  # warm-up
        pages, small, floor = [], [], []
        for run in range(args.runs):
            cpu = cpu_seconds(server.pid)
            rate, p99, errors = measure(base + "/api/v1/claims", os.path.join(here, "claims.lua"), env)
            pages.append((rate, p99, errors, cpu_seconds(server.pid) - cpu))
            cpu = cpu_seconds(server.pid)
            rate, p99, errors = measure(base + "/healthz")
            small.append((rate, p99, errors, cpu_seconds(server.pid) - cpu))
            cpu = cpu_seconds(peer.pid)
            rate, p99, errors = measure(f"http://127.0.0.1:{peer_port}/healthz")
            floor.append((rate, p99, errors, cpu_seconds(peer.pid) - cpu))
            print(f"run {run + 1}: pages {pages[-1][0]:.0f} req/s p99 {pages[-1][1]:.1f} ms; "
                  f"healthz {small[-1][0]:.0f} req/s p99 {small[-1][1]:.2f} ms; "
                  f"minimal beast {floor[-1][0]:.0f} req/s p99 {floor[-1][1]:.2f} ms", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        peer.kill()
        server.wait(timeout=30)
        peer.wait()

    def median(rows, i):
        return statistics.median(row[i] for row in rows)

    print()
    print(f"| endpoint | requests/s (median of {args.runs}) | p99 ms (median) | server CPU s per "
          f"{args.seconds} s run | non-2xx |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, rows in [("GET /api/v1/claims?limit=100, random filters", pages),
                       ("GET /healthz (truce)", small), ("GET /healthz (minimal Beast)", floor)]:
        print(f"| {name} | {median(rows, 0):,.0f} | {median(rows, 1):.2f} | {median(rows, 3):.1f} | "
              f"{sum(row[2] for row in rows)} |")
    print()
    print(f"summary: pages {median(pages, 0):.0f} req/s p99 {median(pages, 1):.1f} ms "
          f"(target >= 2000 req/s, p99 < 50 ms); healthz/minimal Beast "
          f"{median(small, 0) / median(floor, 0):.2f} (target >= 0.5); server threads "
          f"{args.threads}, wrk -t1 -c{args.connections}, nproc {os.cpu_count()}")
