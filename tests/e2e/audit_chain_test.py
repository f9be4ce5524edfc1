#!/usr/bin/env python3
"""The audit log's hash chain can be checked without truce: each entry's hash is
SHA-256 over prev_hash, seq, at, actor, action, target, before and after, each
written as "<byte length>:<bytes>" (docs/api.md, "Audit log"); the first entry's
prev_hash is 64 zeros. Recomputes the chain of a store that several commands
wrote to and compares it with the stored hashes and with `truce audit verify`."""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

GENESIS = "0" * 64
FIELDS = ("seq", "at", "actor", "action", "target", "before", "after")


def entry_hash(prev_hash, row):
    digest = hashlib.sha256()
    for value in (prev_hash, *(str(row[name]) for name in FIELDS)):
        data = value.encode("utf-8")
        digest.update(f"{len(data)}:".encode("ascii") + data)
    return digest.hexdigest()


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "audit.db")

        def truce(*args, stdin=None):
            return subprocess.run([binary, *args, "--db", db], input=stdin, check=True,
                                  capture_output=True, text=True)

        truce("init")
        # Several writers, with sequence numbers that reach two digits.
        for index in range(12):
            truce("user", "add", f"analyst{index}", "--role", "analyst")
        truce("user", "add", "duty", "--role", "operator", "--password-stdin",
              stdin="a long enough password\n")

        connection = sqlite3.connect(db)
        connection.row_factory = sqlite3.Row
        rows = connection.execute(
            "SELECT seq, at, actor, action, target, before, after, prev_hash, hash "
            "FROM audit_log ORDER BY seq").fetchall()
        connection.close()

        failures = []
        if len(rows) < 13:
            failures.append(f"expected at least 13 audit entries, found {len(rows)}")
        prev_hash = GENESIS
        for row in rows:
            if row["prev_hash"] != prev_hash:
                failures.append(f"entry {row['seq']}: prev_hash is not the previous entry's hash")
            computed = entry_hash(prev_hash, row)
            if computed != row["hash"]:
                failures.append(f"entry {row['seq']}: stored hash {row['hash']}, recomputed {computed}")
            prev_hash = computed

        verify = json.loads(truce("audit", "verify", "--json").stdout)
        if not verify.get("intact") or verify.get("entries") != len(rows):
            failures.append(f"truce audit verify: {verify}")
        if verify.get("head_hash") != prev_hash:
            failures.append(f"head hash {verify.get('head_hash')}, recomputed {prev_hash}")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
