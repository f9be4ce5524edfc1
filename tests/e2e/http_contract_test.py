#!/usr/bin/env python3
"""API contract test: runs `truce serve` on a free loopback port, calls every
documented operation (and some failing ones) over HTTP, and validates each
response body against the schema the OpenAPI document (docs/api/openapi.json)
gives for its status. Then stops the server with SIGTERM and expects a clean
exit. Usage: http_contract_test.py TRUCE_BINARY SOURCE_DIR
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import jsonschema

binary, source_dir = sys.argv[1], sys.argv[2]
document = json.load(open(os.path.join(source_dir, "docs/api/openapi.json")))
failures = []
checked = set()


def truce(*args, env=None):
    result = subprocess.run([binary, *args], capture_output=True, text=True,
                            env={**os.environ, **(env or {})})
    if result.returncode != 0:
        raise SystemExit(f"truce {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def schema_for(path, method, status, content_type):
    operation = document["paths"][path][method]
    response = operation["responses"].get(str(status))
    if response is None:
        return None
    content = response.get("content", {})
    for media, entry in content.items():
        if media.split(";")[0] == content_type.split(";")[0].strip():
            return entry["schema"]
    return None


def call(port, method, target, path, token=None, body=None, content_type="application/json",
         expect=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{target}", method=method.upper(),
                                     data=body.encode() if body is not None else None)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, headers, payload = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, payload = error.code, error.headers, error.read()
    what = f"{method.upper()} {target} -> {status}"
    if expect is not None and status != expect:
        failures.append(f"{what}: expected {expect}: {payload[:300]!r}")
        return status, None
    response_type = headers.get("Content-Type", "")
    schema = schema_for(path, method, status, response_type)
    if status == 204:
        checked.add((path, method, status))
        return status, None
    if schema is None:
        failures.append(f"{what}: status or content type {response_type} not documented")
        return status, None
    if response_type.startswith("text/"):
        value = payload.decode()
    else:
        value = json.loads(payload)
    root = {"components": document["components"], "allOf": [schema]}
    try:
        jsonschema.Draft202012Validator(root).validate(value)
    except jsonschema.ValidationError as error:
        failures.append(f"{what}: {error.message} at {list(error.absolute_path)}")
    checked.add((path, method, status))
    return status, value


with tempfile.TemporaryDirectory() as work:
    db = os.path.join(work, "contract.db")
    truce("init", "--db", db)
    truce("ingest", "--db", db, os.path.join(source_dir, "data/examples/2021-11-16-kilisali.json"))
    # Located incidents of September 2022, which the Russian-Turkish centre can verify.
    truce("ingest", "--db", db,
          os.path.join(source_dir, "data/examples/2022-09-13-armenia-azerbaijan-border.csv"))
    tokens = {}
    for role in ["admin", "operator", "analyst"]:
        truce("user", "add", f"{role}-1", "--role", role, "--db", db, "--password-env", "PW",
              env={"PW": f"secret of the {role}"})
        tokens[role] = truce("user", "token", f"{role}-1", "--db", db).strip()
    # Monitors of the two members of the bundled Russian-Turkish centre.
    for member in ["russia", "turkey"]:
        truce("user", "add", f"monitor-{member}", "--role", "monitor", "--affiliation", member,
              "--db", db)
        tokens[member] = truce("user", "token", f"monitor-{member}", "--db", db).strip()
    # Liaison officers of two fictional parties, for complaints.
    for party in ["party-north", "party-south"]:
        truce("user", "add", f"liaison-{party}", "--role", "liaison", "--affiliation", party,
              "--db", db)
        tokens[party] = truce("user", "token", f"liaison-{party}", "--db", db).strip()

    server = subprocess.Popen([binary, "serve", "--db", db, "--listen", "127.0.0.1:0",
                               "--threads", "2"], stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
    if not match:
        server.kill()
        raise SystemExit(f"no port in: {line!r}")
    port = int(match.group(1))
    try:
        analyst, admin, operator = tokens["analyst"], tokens["admin"], tokens["operator"]
        call(port, "get", "/healthz", "/healthz", expect=200)
        call(port, "get", "/metrics", "/metrics", expect=200)
        call(port, "get", "/api/v1/openapi.json", "/api/v1/openapi.json", expect=200)
        _, sources = call(port, "get", "/api/v1/sources", "/api/v1/sources", expect=200)
        source = sources["sources"][0]["id"]
        call(port, "get", f"/api/v1/sources/{source}", "/api/v1/sources/{id}", expect=200)
        call(port, "get", "/api/v1/sources/no-such-source", "/api/v1/sources/{id}", expect=404)
        _, page = call(port, "get", "/api/v1/claims?limit=2", "/api/v1/claims", analyst, expect=200)
        call(port, "get", f"/api/v1/claims?limit=2&cursor={page['next_cursor']}",
             "/api/v1/claims", analyst, expect=200)
        call(port, "get", "/api/v1/claims?bogus=1", "/api/v1/claims", analyst, expect=400)
        call(port, "get", "/api/v1/claims", "/api/v1/claims", expect=401)
        claim = page["claims"][0]
        call(port, "get", f"/api/v1/claims/{claim['id']}", "/api/v1/claims/{id}", analyst,
             expect=200)
        call(port, "get", "/api/v1/claims/clm_00000000000000000000", "/api/v1/claims/{id}",
             analyst, expect=404)
        call(port, "get", "/api/v1/documents", "/api/v1/documents", analyst, expect=200)
        call(port, "get", f"/api/v1/documents/{claim['document']}", "/api/v1/documents/{id}",
             analyst, expect=200)
        call(port, "get", "/api/v1/statistics/daily", "/api/v1/statistics/daily", analyst,
             expect=200)
        call(port, "get", "/api/v1/export", "/api/v1/export", analyst, expect=200)
        call(port, "get", "/api/v1/export", "/api/v1/export", tokens["operator"], expect=200)
        geojson = open(os.path.join(source_dir, "data/examples/2020-07-tovuz-clashes.geojson")).read()
        call(port, "post", "/api/v1/ingest", "/api/v1/ingest", operator, geojson, expect=201)
        call(port, "post", "/api/v1/ingest", "/api/v1/ingest", analyst, geojson, expect=403)
        call(port, "post", "/api/v1/ingest", "/api/v1/ingest", operator, "{", expect=400)
        _, session = call(port, "post", "/api/v1/login", "/api/v1/login", None,
                          json.dumps({"name": "analyst-1", "password": "secret of the analyst"}),
                          expect=200)
        call(port, "post", "/api/v1/login", "/api/v1/login", None,
             json.dumps({"name": "analyst-1", "password": "wrong"}), expect=401)
        call(port, "get", "/api/v1/me", "/api/v1/me", session["token"], expect=200)
        call(port, "post", "/api/v1/logout", "/api/v1/logout", session["token"], expect=204)
        call(port, "get", "/api/v1/users", "/api/v1/users", admin, expect=200)
        call(port, "post", "/api/v1/users", "/api/v1/users", admin,
             json.dumps({"name": "monitor-1", "role": "monitor", "affiliation": "member-a"}),
             expect=201)
        call(port, "post", "/api/v1/users", "/api/v1/users", admin,
             json.dumps({"name": "monitor-1", "role": "monitor", "affiliation": "member-a"}),
             expect=409)
        call(port, "post", "/api/v1/users/monitor-1/tokens", "/api/v1/users/{name}/tokens", admin,
             expect=201)
        call(port, "get", "/api/v1/audit", "/api/v1/audit", admin, expect=200)
        call(port, "get", "/api/v1/audit/verify", "/api/v1/audit/verify", admin, expect=200)
        call(port, "get", "/api/v1/audit", "/api/v1/audit", analyst, expect=403)

        # Incidents, their corrections, publishing and joint verification.
        _, listing = call(port, "get", "/api/v1/incidents?since=2021-11-16&until=2021-11-16",
                          "/api/v1/incidents", analyst, expect=200)
        call(port, "get", "/api/v1/incidents?state=nonsense", "/api/v1/incidents", analyst,
             expect=400)
        call(port, "get", "/api/v1/incidents", "/api/v1/incidents", expect=200)
        incident = listing["incidents"][0]["id"]
        one = f"/api/v1/incidents/{incident}"
        _, shown = call(port, "get", one, "/api/v1/incidents/{id}", analyst, expect=200)
        call(port, "get", one, "/api/v1/incidents/{id}", expect=404)  # not published yet
        call(port, "post", one + "/publish", "/api/v1/incidents/{id}/publish", operator,
             expect=200)
        call(port, "get", one, "/api/v1/incidents/{id}", expect=200)
        call(port, "post", one + "/unpublish", "/api/v1/incidents/{id}/unpublish", operator,
             expect=200)
        call(port, "get", one + "/review", "/api/v1/incidents/{id}/review", analyst, expect=200)
        # Joint verification of an incident whose assessment applies the centre's agreement.
        _, everything = call(port, "get", "/api/v1/incidents?limit=1000", "/api/v1/incidents",
                             analyst, expect=200)
        monitored = None
        for item in everything["incidents"]:
            _, review = call(port, "get", f"/api/v1/incidents/{item['id']}/review",
                             "/api/v1/incidents/{id}/review", analyst, expect=200)
            if review and review["mechanisms"]:
                monitored = f"/api/v1/incidents/{item['id']}"
                break
        if monitored is None:
            failures.append("no incident has a monitoring mechanism")
            monitored = one
        call(port, "post", monitored + "/review", "/api/v1/incidents/{id}/review", operator, "{}",
             expect=200)
        call(port, "post", monitored + "/signoff", "/api/v1/incidents/{id}/signoff",
             tokens["russia"], json.dumps({"verdict": "verified"}), expect=200)
        call(port, "post", monitored + "/signoff", "/api/v1/incidents/{id}/signoff",
             tokens["russia"], json.dumps({"verdict": "verified"}), expect=409)
        call(port, "post", monitored + "/signoff", "/api/v1/incidents/{id}/signoff",
             tokens["turkey"], json.dumps({"verdict": "verified", "note": "seen on site"}),
             expect=200)
        call(port, "post", one + "/review", "/api/v1/incidents/{id}/review", operator, "{}",
             expect=400)  # no mechanism's agreement applies to it

        # Assessments, alerts and coverage of stored incidents.
        call(port, "get", one + "/assessment", "/api/v1/incidents/{id}/assessment", analyst,
             expect=200)
        call(port, "get", one + "/assessment", "/api/v1/incidents/{id}/assessment", expect=404)
        _, assessed = call(port, "get", "/api/v1/assessments?limit=1", "/api/v1/assessments",
                           analyst, expect=200)
        if assessed and assessed["next_cursor"]:
            call(port, "get", f"/api/v1/assessments?limit=1&cursor={assessed['next_cursor']}",
                 "/api/v1/assessments", analyst, expect=200)
        call(port, "get", "/api/v1/assessments?verdict=breach&agreement=no-such-agreement",
             "/api/v1/assessments", analyst, expect=400)
        call(port, "get", "/api/v1/assessments", "/api/v1/assessments", expect=200)
        call(port, "get", "/api/v1/alerts", "/api/v1/alerts", analyst, expect=200)
        call(port, "get", "/api/v1/alerts?kind=death&since=2021-01-01", "/api/v1/alerts",
             expect=200)
        call(port, "get", "/api/v1/alerts?kind=storm", "/api/v1/alerts", expect=400)
        call(port, "get", "/api/v1/coverage?line=nk-line-of-contact-2020&at=2021-11-16",
             "/api/v1/coverage", analyst, expect=200)
        call(port, "get", "/api/v1/coverage?line=no-such-line&at=2021-11-16",
             "/api/v1/coverage", analyst, expect=404)
        call(port, "get", "/api/v1/coverage?line=nk-line-of-contact-2020", "/api/v1/coverage",
             analyst, expect=400)

        def window():
            _, page = call(port, "get", "/api/v1/incidents?since=2021-11-16&until=2021-11-16",
                           "/api/v1/incidents", analyst, expect=200)
            return [item["id"] for item in page["incidents"]]

        members = [m["claim"]["id"] for m in shown["claims"]]
        if len(members) >= 2:
            call(port, "post", one + "/detach", "/api/v1/incidents/{id}/detach", operator,
                 json.dumps({"claim": members[1], "reason": "test"}), expect=200)
            call(port, "post", one + "/attach", "/api/v1/incidents/{id}/attach", operator,
                 json.dumps({"claim": members[1], "reason": "test"}), expect=200)
            call(port, "post", one + "/split", "/api/v1/incidents/{id}/split", operator,
                 json.dumps({"claims": members[:1], "reason": "test"}), expect=200)
        else:
            failures.append(f"incident {incident} has fewer than two claims to split")
        ids = window()
        if len(ids) >= 2:
            call(port, "post", f"/api/v1/incidents/{ids[0]}/merge",
                 "/api/v1/incidents/{id}/merge", operator,
                 json.dumps({"other": ids[1], "reason": "test"}), expect=200)
        else:
            failures.append(f"fewer than two incidents to merge after the split: {ids}")
        call(port, "post", one + "/merge", "/api/v1/incidents/{id}/merge", analyst,
             json.dumps({"other": incident, "reason": "test"}), expect=403)
        _, agreements = call(port, "get", "/api/v1/agreements", "/api/v1/agreements", expect=200)
        agreement = agreements["agreements"][0]["id"]
        call(port, "get", f"/api/v1/agreements/{agreement}", "/api/v1/agreements/{id}",
             expect=200)
        call(port, "get", "/api/v1/agreements/no-such-agreement", "/api/v1/agreements/{id}",
             expect=404)

        # Complaints: filed by a liaison officer, reviewed, found on (synthetic texts).
        north, south = tokens["party-north"], tokens["party-south"]
        complaint = {"event_type": "shelling",
                     "time": {"start": "2026-02-01", "precision": "day", "timezone": "UTC"},
                     "place": {"name": "Hill 101", "precision": 2,
                               "geometry": {"type": "Point", "coordinates": [12.5, 41.5]}},
                     "credibility": 3, "text": "A synthetic complaint: shells fell on Hill 101.",
                     "provenance": {"event_type": "shells fell"}}
        _, filed = call(port, "post", "/api/v1/complaints", "/api/v1/complaints", north,
                        json.dumps(complaint), expect=201)
        call(port, "post", "/api/v1/complaints", "/api/v1/complaints", north,
             json.dumps({**complaint, "claimant": {"id": "party-south", "name": "South"}}),
             expect=403)
        call(port, "post", "/api/v1/complaints", "/api/v1/complaints", north,
             json.dumps({**complaint, "credibility": 9}), expect=400)
        call(port, "post", "/api/v1/complaints", "/api/v1/complaints", operator,
             json.dumps(complaint), expect=403)
        cid = filed["complaint"]["id"] if filed else "cmp_00000000000000000000"
        mine = f"/api/v1/complaints/{cid}"
        call(port, "get", "/api/v1/complaints", "/api/v1/complaints", north, expect=200)
        call(port, "get", "/api/v1/complaints?state=filed&limit=1", "/api/v1/complaints",
             operator, expect=200)
        call(port, "get", "/api/v1/complaints?state=closed", "/api/v1/complaints", operator,
             expect=400)
        call(port, "get", "/api/v1/complaints?party=party-north", "/api/v1/complaints", south,
             expect=403)
        call(port, "get", "/api/v1/complaints", "/api/v1/complaints", expect=401)
        call(port, "get", mine, "/api/v1/complaints/{id}", north, expect=200)
        call(port, "get", mine, "/api/v1/complaints/{id}", south, expect=404)
        call(port, "post", mine + "/finding", "/api/v1/complaints/{id}/finding", operator,
             json.dumps({"outcome": "inconclusive", "text": "Too early."}), expect=409)
        call(port, "post", mine + "/review", "/api/v1/complaints/{id}/review", analyst,
             expect=403)
        call(port, "post", mine + "/review", "/api/v1/complaints/{id}/review", operator,
             expect=200)
        call(port, "post", mine + "/review", "/api/v1/complaints/{id}/review", operator,
             expect=409)
        call(port, "post", mine + "/finding", "/api/v1/complaints/{id}/finding", operator,
             json.dumps({"outcome": "maybe", "text": "x"}), expect=400)
        call(port, "post", mine + "/finding", "/api/v1/complaints/{id}/finding", operator,
             json.dumps({"outcome": "substantiated", "text": "Craters seen by a patrol."}),
             expect=200)
        _, outcome = call(port, "get", mine, "/api/v1/complaints/{id}", north, expect=200)
        if outcome and outcome["complaint"]["finding"]["outcome"] != "substantiated":
            failures.append(f"the liaison officer does not see the finding: {outcome}")
        _, chain = call(port, "get", "/api/v1/audit/verify", "/api/v1/audit/verify", admin,
                        expect=200)
        if chain and not chain["intact"]:
            failures.append(f"the audit chain does not verify after the complaint: {chain}")
        # Comments, evidence files and named persons (fictional name) of an incident.
        notes = f"/api/v1/incidents/{window()[0]}"
        call(port, "post", notes + "/comments", "/api/v1/incidents/{id}/comments", analyst,
             json.dumps({"text": "synthetic internal note"}), expect=201)
        call(port, "get", notes + "/comments", "/api/v1/incidents/{id}/comments", analyst,
             expect=200)
        call(port, "get", notes + "/comments", "/api/v1/incidents/{id}/comments", expect=401)
        evidence_bytes = b"synthetic evidence bytes \x00\xff"
        for expected in (201, 200):
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{notes}/evidence?name=site.bin", method="POST",
                data=evidence_bytes, headers={"Authorization": f"Bearer {operator}",
                                              "Content-Type": "application/octet-stream"})
            with urllib.request.urlopen(request, timeout=30) as response:
                stored = json.loads(response.read())
                if response.status != expected:
                    failures.append(f"POST evidence: {response.status}, expected {expected}")
                else:
                    root = {"components": document["components"],
                            "allOf": [schema_for("/api/v1/incidents/{id}/evidence", "post",
                                                 expected, "application/json")]}
                    try:
                        jsonschema.Draft202012Validator(root).validate(stored)
                    except jsonschema.ValidationError as error:
                        failures.append(f"POST evidence: {error.message}")
                    checked.add(("/api/v1/incidents/{id}/evidence", "post", expected))
        call(port, "post", notes + "/evidence?name=x", "/api/v1/incidents/{id}/evidence", analyst,
             "x", expect=403)
        call(port, "get", notes + "/evidence", "/api/v1/incidents/{id}/evidence", analyst,
             expect=200)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/evidence/{stored['sha256']}",
                                         headers={"Authorization": f"Bearer {analyst}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            if response.read() != evidence_bytes or \
                    response.headers.get("Content-Type") != "application/octet-stream":
                failures.append("GET /api/v1/evidence/{sha256}: other bytes or media type")
            else:
                checked.add(("/api/v1/evidence/{sha256}", "get", response.status))
        call(port, "get", "/api/v1/evidence/" + "0" * 64, "/api/v1/evidence/{sha256}", analyst,
             expect=404)
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{notes}/evidence/{stored['sha256']}",
            headers={"Authorization": f"Bearer {analyst}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            if response.read() != evidence_bytes:
                failures.append("GET /api/v1/incidents/{id}/evidence/{sha256}: other bytes")
            else:
                checked.add(("/api/v1/incidents/{id}/evidence/{sha256}", "get", response.status))
        call(port, "get", notes + "/evidence/" + "0" * 64,
             "/api/v1/incidents/{id}/evidence/{sha256}", analyst, expect=404)
        call(port, "get", notes + "/evidence/" + stored["sha256"],
             "/api/v1/incidents/{id}/evidence/{sha256}", expect=401)
        call(port, "post", notes + "/persons", "/api/v1/incidents/{id}/persons", operator,
             json.dumps({"name": "Orlen Vasquier", "status": "missing", "side": "civilians"}),
             expect=201)
        call(port, "post", notes + "/persons", "/api/v1/incidents/{id}/persons", operator,
             json.dumps({"name": "Orlen Vasquier", "status": "gone", "side": "civilians"}),
             expect=400)
        _, persons = call(port, "get", notes + "/persons", "/api/v1/incidents/{id}/persons",
                          analyst, expect=200)
        call(port, "get", notes + "/persons", "/api/v1/incidents/{id}/persons", admin,
             expect=403)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            code = "killed after 20 s"
        if code != 0:
            failures.append(f"truce serve after SIGTERM: exit {code}")

    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            ok = [s for s in operation["responses"] if s.startswith("2")]
            if not any((path, method, int(s)) in checked for s in ok):
                failures.append(f"{method.upper()} {path}: no successful response was checked")

for failure in failures:
    print("FAIL:", failure)
print(f"{len(checked)} (path, method, status) combinations validated, {len(failures)} failures")
sys.exit(1 if failures else 0)
