#!/usr/bin/env python3
"""HTTP benchmark of incident pages (issue 7, "Speed"), with wrk (keep-alive)
on loopback.

1. pages: GET /api/v1/incidents?limit=100 with filters drawn at random per
   request by incidents.lua, as an analyst, from a store of N synthetic
   incidents written straight into the database by make_incidents.py
   (fictional names; see there why not through fusion).
2. small: GET /healthz on truce beside the same request on minimal_beast (a
   bare Boost.Beast server), measured in the same run.
Each is run RUNS times; medians of requests/s and p99 latency are printed,
with the servers' CPU time. Results are recorded in bench/RESULTS.md.
Usage: incidents_bench.py BUILD_DIR [--incidents N] [--runs R] [--seconds S] [--threads T]
                          [--store FILE]
--store keeps the generated store in FILE and reuses it when FILE exists, so
that a quiet window is spent measuring rather than generating.
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
parser.add_argument("--incidents", type=int, default=100_000)
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--seconds", type=int, default=10)
parser.add_argument("--threads", type=int, default=4, help="server threads")
parser.add_argument("--connections", type=int, default=16)
parser.add_argument("--store", help="keep the store in this file; reuse it if it exists")
args = parser.parse_args()
truce = os.path.join(args.build, "bin/truce")
beast = os.path.join(args.build, "bin/minimal_beast")

with tempfile.TemporaryDirectory() as work:
    db = os.path.abspath(args.store) if args.store else os.path.join(work, "bench.db")
    if args.store and os.path.exists(db):
        print(f"store: reusing {args.store}")
    else:
        subprocess.run([truce, "init", "--db", db], check=True, capture_output=True)
        started = time.monotonic()
        subprocess.run(["python3", os.path.join(here, "make_incidents.py"), db,
                        str(args.incidents)], check=True)
        print(f"store: {args.incidents} synthetic incidents written in "
              f"{time.monotonic() - started:.1f} s")
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
    script = os.path.join(here, "incidents.lua")
    c, s = args.connections, args.seconds
    try:
        wrk(base + "/api/v1/incidents", script, env, c, 2)  # warm-up
        pages, small, floor = [], [], []
        for run in range(args.runs):
            cpu = cpu_seconds(server.pid)
            rate, p99, errors = wrk(base + "/api/v1/incidents", script, env, c, s)
            pages.append((rate, p99, errors, cpu_seconds(server.pid) - cpu))
            cpu = cpu_seconds(server.pid)
            rate, p99, errors = wrk(base + "/healthz", None, None, c, s)
            small.append((rate, p99, errors, cpu_seconds(server.pid) - cpu))
            cpu = cpu_seconds(peer.pid)
            rate, p99, errors = wrk(f"http://127.0.0.1:{peer_port}/healthz", None, None, c, s)
            floor.append((rate, p99, errors, cpu_seconds(peer.pid) - cpu))
            print(f"run {run + 1}: incident pages {pages[-1][0]:.0f} req/s p99 "
                  f"{pages[-1][1]:.1f} ms; healthz {small[-1][0]:.0f} req/s; minimal beast "
                  f"{floor[-1][0]:.0f} req/s", flush=True)
        per_filter = []
        for kind in range(1, 10):
            rate, p99, errors = wrk(base + "/api/v1/incidents", script,
                                    {**env, "TRUCE_FILTER": str(kind)}, c, max(2, s // 3))
            per_filter.append((kind, rate, p99, errors))
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
    for name, rows in [("GET /api/v1/incidents?limit=100, random filters", pages),
                       ("GET /healthz (truce)", small), ("GET /healthz (minimal Beast)", floor)]:
        print(f"| {name} | {median(rows, 0):,.0f} | {median(rows, 1):.2f} | {median(rows, 3):.1f} | "
              f"{sum(row[2] for row in rows)} |")
    print()
    print("| filter kind (incidents.lua) | requests/s | p99 ms | non-2xx |")
    print("| --- | ---: | ---: | ---: |")
    for kind, rate, p99, errors in per_filter:
        print(f"| {kind} | {rate:,.0f} | {p99:.2f} | {errors} |")
    print()
    print(f"summary: incident pages {median(pages, 0):.0f} req/s p99 {median(pages, 1):.1f} ms "
          f"(target >= 2000 req/s, p99 < 50 ms); pages/minimal Beast healthz "
          f"{median(pages, 0) / median(floor, 0):.3f}; healthz/minimal Beast "
          f"{median(small, 0) / median(floor, 0):.2f}; server threads {args.threads}, "
          f"wrk -t1 -c{args.connections}, nproc {os.cpu_count()}")
