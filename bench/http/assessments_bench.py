#!/usr/bin/env python3
"""Pages of assessments beside pages of incident summaries, over loopback HTTP.

A fresh store gets the synthetic Harbourland agreements and theatre
(tests/data/verification, fictional) and one synthetic report of N claims
(fictional places inside the theatre, one a day, so that fusion makes about N
incidents), ingested through `truce ingest` so that incidents are real. Then
`truce serve` answers, one request at a time from one client:

1. GET /api/v1/incidents?limit=100 (the peer: stored summary rows),
2. GET /api/v1/assessments?limit=100 (each incident of the page assessed),
3. GET /api/v1/assessments?limit=100&verdict=breach (a scan: most incidents
   are not breaches, so the page walks many incidents).

Each is requested REQUESTS times; medians of wall time per request are
printed with the server's CPU time per request and the ratio to the peer.
Usage: assessments_bench.py BUILD_DIR [--claims N] [--requests R]
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import tempfile
import time
import urllib.request

from http_bench_common import cpu_seconds, wait_for_port

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.dirname(os.path.dirname(here))
fixtures = os.path.join(source, "tests/data/verification")
parser = argparse.ArgumentParser()
parser.add_argument("build")
parser.add_argument("--claims", type=int, default=2000)
parser.add_argument("--requests", type=int, default=20)
args = parser.parse_args()
truce = os.path.join(args.build, "bin/truce")


def report(count):
    rng = random.Random(7)
    text = "Synthetic bulletin of fictional incidents in Harbourland."
    claims = []
    for index in range(count):
        day = time.strftime("%Y-%m-%d", time.gmtime(1925078400 + index * 86400))  # from 2031-01-01
        claims.append({
            "document": "bench-bulletin",
            "claimant": {"id": "harbour-bulletin", "name": "Harbour Bulletin"},
            "event_type": rng.choice(["shelling", "attack", "armed_clash", "sniper_fire"]),
            "time": {"start": day, "precision": "day", "timezone": "+03:00"},
            "place": {"name": f"Grid square {index}", "precision": 1, "geometry": {
                "type": "Point",
                "coordinates": [round(20.1 + rng.random() * 1.8, 5),
                                round(-39.9 + rng.random() * 1.8, 5)]}},
            "perpetrator": {"id": rng.choice(["eastport", "westport"]), "name": "a party"},
            "credibility": 3,
        })
    return {"format": "truce-report", "version": 1,
            "sources": [{"id": "harbour-bulletin", "name": "Harbour Bulletin (fictional)",
                         "reliability": "C", "affiliation": {"kind": "neutral"}}],
            "documents": [{"key": "bench-bulletin", "source": "harbour-bulletin",
                           "kind": "article", "title": "Synthetic bulletin", "language": "en",
                           "published": "2036-01-01", "text": text}],
            "claims": claims}


def get(port, target, token):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{target}")
    request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())


with tempfile.TemporaryDirectory() as work:
    db = os.path.join(work, "bench.db")
    subprocess.run([truce, "init", "--db", db], check=True, capture_output=True)
    subprocess.run([truce, "agreements", "load", "--db", db,
                    os.path.join(fixtures, "harbourland.geojson"),
                    os.path.join(fixtures, "harbourland-joint-commission.json"),
                    os.path.join(fixtures, "harbourland-observer-mission.json")],
                   check=True, capture_output=True)
    path = os.path.join(work, "bench.json")
    json.dump(report(args.claims), open(path, "w"))
    started = time.monotonic()
    subprocess.run([truce, "ingest", "--db", db, path], check=True, capture_output=True)
    print(f"store: {args.claims} synthetic claims ingested in {time.monotonic() - started:.1f} s")
    subprocess.run([truce, "user", "add", "bench-analyst", "--role", "analyst", "--db", db],
                   check=True, capture_output=True)
    token = subprocess.run([truce, "user", "token", "bench-analyst", "--db", db], check=True,
                           capture_output=True, text=True).stdout.strip()
    server = subprocess.Popen([truce, "serve", "--db", db, "--listen", "127.0.0.1:0",
                               "--threads", "1", "--rate-limit", "0"],
                              stderr=subprocess.PIPE, text=True)
    try:
        port = wait_for_port(server, r"http://127\.0\.0\.1:(\d+)")
        incidents = get(port, "/api/v1/incidents?limit=1000", token)["incidents"]
        print(f"incidents: {len(incidents)}{' or more' if len(incidents) == 1000 else ''}")
        results = {}
        for name, target in [("incidents", "/api/v1/incidents?limit=100"),
                             ("assessments", "/api/v1/assessments?limit=100"),
                             ("breach scan", "/api/v1/assessments?limit=100&verdict=breach")]:
            get(port, target, token)  # warm: data files, registry
            walls, cpus = [], []
            for _ in range(args.requests):
                cpu = cpu_seconds(server.pid)
                wall = time.monotonic()
                page = get(port, target, token)
                walls.append(time.monotonic() - wall)
                cpus.append(cpu_seconds(server.pid) - cpu)
            items = len(page.get("incidents", page.get("assessments", [])))
            results[name] = statistics.median(walls)
            print(f"{name:12s} {target:50s} items {items:4d}  wall median "
                  f"{statistics.median(walls) * 1000:9.1f} ms  server CPU median "
                  f"{statistics.median(cpus) * 1000:9.1f} ms  ratio to incidents "
                  f"{statistics.median(walls) / results['incidents']:7.1f}")
    finally:
        server.terminate()
        server.wait(timeout=30)
