#!/usr/bin/env python3
"""Writes a JSON report (docs/formats/json.md) of N synthetic claims for the
HTTP benchmark: fictional parties, places and sources ("Northland",
"Southland", "Station Alpha"...), points in a box of about 100 x 100 km,
times over two years, every event type. Deterministic (seeded).
Written as files of at most 20,000 claims each (OUT-1.json, OUT-2.json...),
well under ingest's file size limit.
Usage: make_store.py N OUT_PREFIX
"""
import json
import random
import sys

count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
parties = [("northland", "Northland"), ("southland", "Southland"), ("eastmark", "Eastmark")]
event_types = ["armed_clash", "attack", "shelling", "air_strike", "sniper_fire", "mine_or_ied",
               "ceasefire_violation", "territory_seizure", "detention", "de_escalation", "other"]
sources = [{"id": f"station-{name}", "name": f"Station {name.title()} (fictional)",
            "reliability": "C", "affiliation": {"kind": "neutral"}}
           for name in ["alpha", "bravo", "charlie", "delta", "echo"]]
per_document = 10
documents, claims = [], []
for index in range(count):
    if index % per_document == 0:
        key = f"synthetic-{index // per_document}"
        documents.append({"key": key, "source": sources[(index // per_document) % 5]["id"],
                          "kind": "statement", "title": f"Synthetic bulletin {index // per_document}",
                          "language": "en", "published": "2024-01-01"})
    claimant = rng.choice(parties)
    perpetrator = rng.choice([p for p in parties if p != claimant])
    day = rng.randrange(730)
    year, rest = (2023, day) if day < 365 else (2024, day - 365)
    month_lengths = [31, 29 if year == 2024 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    month = 0
    while rest >= month_lengths[month]:
        rest -= month_lengths[month]
        month += 1
    lon = round(10.0 + rng.random(), 5)
    lat = round(50.0 + rng.random(), 5)
    claims.append({
        "document": documents[-1]["key"],
        "claimant": {"id": claimant[0], "name": claimant[1]},
        "event_type": rng.choice(event_types),
        "time": {"start": f"{year}-{month + 1:02d}-{rest + 1:02d}", "precision": "day"},
        "place": {"name": f"Grid square {index % 997}",
                  "geometry": {"type": "Point", "coordinates": [lon, lat]}, "precision": 1},
        "perpetrator": {"id": perpetrator[0], "name": perpetrator[1]},
        "casualties": [{"side": {"kind": "combatants",
                                 "party": {"id": claimant[0], "name": claimant[1]}},
                        "status": "wounded", "min": rng.randrange(5), "max": None}],
        "credibility": rng.randrange(1, 7),
        "summary": f"Synthetic claim {index}",
    })
per_file = 20_000
for part, first in enumerate(range(0, count, per_file)):
    chunk = claims[first:first + per_file]
    keys = {claim["document"] for claim in chunk}
    chunk_documents = [document for document in documents if document["key"] in keys]
    with open(f"{out}-{part + 1}.json", "w") as file:
        json.dump({"format": "truce-report", "version": 1, "sources": sources,
                   "documents": chunk_documents, "claims": chunk}, file)
