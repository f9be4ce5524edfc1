#!/usr/bin/env python3
"""`truce serve` without --threads runs one worker per core (at least 2), and
--threads N runs N: read from the line the server prints when it is ready."""

import os
import re
import signal
import subprocess
import sys
import tempfile


def started_threads(binary, db, *extra):
    server = subprocess.Popen([binary, "serve", "--db", db, "--listen", "127.0.0.1:0", *extra],
                              stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    match = re.search(r"\((\d+) threads\)", line)
    if not match:
        raise SystemExit(f"no thread count in: {line!r}")
    return int(match.group(1))


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "serve.db")
        subprocess.run([binary, "init", "--db", db], check=True, capture_output=True)
        failures = []
        cores = os.cpu_count() or 1
        expected = min(64, max(2, cores))
        got = started_threads(binary, db)
        if got != expected:
            failures.append(f"default: {got} threads on {cores} cores, expected {expected}")
        got = started_threads(binary, db, "--threads", "3")
        if got != 3:
            failures.append(f"--threads 3: {got} threads")
        refused = subprocess.run([binary, "serve", "--db", db, "--threads", "0"],
                                 capture_output=True, text=True, timeout=20)
        if refused.returncode == 0 or "--threads" not in refused.stderr:
            failures.append(f"--threads 0 was not refused naming the flag: {refused.stderr!r}")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
