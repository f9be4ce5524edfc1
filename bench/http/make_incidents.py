#!/usr/bin/env python3
"""Writes N synthetic incidents straight into a truce database made by
`truce init` (schema 9): incidents rows and their summary rows (box, tags,
grades, the listing's JSON) and reviews, with SQL that matches
data/migrations/0004, 0006 and 0009. Creating 100,000 incidents through fusion
would mean ingesting and clustering some 200,000 claims first; the HTTP
benchmark measures reading pages, which only reads these rows. Fictional
parties and places ("Northland", "Grid square"), points in a box of about
100 x 100 km, times over two years. Deterministic (seeded).
Usage: make_incidents.py DB N
"""
import json
import random
import sqlite3
import sys
import time

db_path, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(11)
parties = ["northland", "southland", "eastmark"]
event_types = ["armed_clash", "attack", "shelling", "air_strike", "sniper_fire", "mine_or_ied",
               "ceasefire_violation", "territory_seizure", "detention", "de_escalation", "other"]
attributions = ["agreed", "one_sided", "contested", "undetermined"]
evidence = ["single_source", "corroborated", "contested", "discounted"]
states = ["unverified", "under_review", "signed_off", "verified", "refuted"]

db = sqlite3.connect(db_path)
db.execute("PRAGMA foreign_keys = ON")
now = "2025-01-01T00:00:00Z"
with db:
    for index in range(count):
        incident = f"inc_{index:020x}"
        day = rng.randrange(730)
        start = 1672531200 + day * 86400 + rng.randrange(86400)
        end = start + rng.choice([0, 3600, 7200, 86400])
        start_key = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(start))
        end_key = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(end))
        lon, lat = 10.0 + rng.random(), 50.0 + rng.random()
        box = [round(lon, 5), round(lat, 5), round(lon + rng.random() * 0.05, 5),
               round(lat + rng.random() * 0.05, 5)]
        types = sorted(set(rng.sample(event_types, rng.choice([1, 1, 2]))))
        actors = sorted(set(rng.sample(parties, 2)))
        attribution, grade = rng.choice(attributions), rng.choice(evidence)
        claims = [f"clm_{index:016x}{k:04x}" for k in range(rng.choice([1, 2, 3]))]
        figures = [{"side": {"kind": "combatants", "party": actors[0]}, "status": "wounded",
                    "estimate": {"low": 1, "best": 2, "high": 4}}]
        summary = {"id": incident, "start": start_key, "end": end_key, "claims": claims,
                   "ended_by": [],
                   "grades": {"attribution": {"grade": attribution,
                                              "reason": "synthetic incident"},
                              "evidence": {"grade": grade, "reason": "synthetic incident",
                                           "independent_origins": ["station-alpha"]},
                              "in_headline": grade == "corroborated"},
                   "figures": figures, "event_types": types,
                   "place": {"name": f"Grid square {index % 997}", "bbox": box}}
        public = {k: v for k, v in summary.items() if k not in ("claims", "ended_by")}
        db.execute("INSERT INTO incidents (id, start_key, end_key, updated_at) VALUES (?,?,?,?)",
                   (incident, start_key, end_key, now))
        cursor = db.execute(
            "INSERT INTO incident_summaries (incident_id, start_key, end_key, min_lon, min_lat, "
            "max_lon, max_lat, attribution, evidence, summary, public_summary, summarised_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (incident, start_key, end_key, *box, attribution, grade,
             json.dumps(summary, separators=(",", ":")), json.dumps(public, separators=(",", ":")),
             now))
        key = cursor.lastrowid
        db.execute("INSERT INTO incident_boxes VALUES (?,?,?,?,?)",
                   (key, box[0], box[2], box[1], box[3]))
        tags = [("event_type", t) for t in types] + [("actor", a) for a in actors]
        if lon < 10.5:
            tags.append(("theatre", "synthetic-theatre"))
        db.executemany(
            "INSERT INTO incident_tags (kind, value, start_key, incident_id, summary_key, end_key, "
            "attribution, evidence, state, published, min_lon, max_lon, min_lat, max_lat) "
            "SELECT ?, ?, start_key, incident_id, summary_key, end_key, attribution, evidence, "
            "state, published, min_lon, max_lon, min_lat, max_lat FROM incident_summaries "
            "WHERE summary_key = ?", [(kind, value, key) for kind, value in tags])
        if rng.random() < 0.3:
            db.execute("INSERT INTO incident_reviews (incident_id, published, state, updated_at) "
                       "VALUES (?,?,?,?)", (incident, rng.randrange(2), rng.choice(states), now))
db.execute("ANALYZE")
db.close()
