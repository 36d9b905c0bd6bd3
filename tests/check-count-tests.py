#!/usr/bin/env python3
# tools/count-tests on sample meson test logs: the closing line of
# tools/test must say what really happened.
#   check-count-tests.py TOOLS/count-tests
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import subprocess
import sys
import tempfile

script = sys.argv[1]
n = 0
failures = 0


def log(*tests):
    fd, path = tempfile.mkstemp(suffix=".json")
    with os.fdopen(fd, "w") as f:
        for name, result, stdout, rc in tests:
            f.write(json.dumps({"name": name, "result": result, "stdout": stdout,
                                "returncode": rc}) + "\n")
    return path


def check(what, logs, want_line, want_status, strict=False, want_notes=()):
    global n, failures
    n += 1
    args = [sys.executable, script] + (["--strict"] if strict else []) + logs
    run = subprocess.run(args, capture_output=True, text=True)
    lines = run.stdout.splitlines()
    ok = (run.returncode == want_status and lines and lines[-1] == want_line
          and all(any(note in l for l in lines) for note in want_notes))
    if not ok:
        failures += 1
        print(f"# got status {run.returncode}, output:\n# " + "\n# ".join(lines) + run.stderr)
    print(f"{'ok' if ok else 'not ok'} {n} {what}")


TAP_SKIP = "1..3\nok 1 /ar/a\nok 2 /ar/b # SKIP LibreOffice is not installed\nnot ok 3 /ar/c\n"
TAP_GOOD = "1..2\nok 1 /ar/a\nok 2 /ar/b\n"

print("1..9")
check("a TAP skip is counted as a skip, not a pass",
      [log(("report", "FAIL", TAP_SKIP, 1))], "1 passed, 1 failed, 1 skipped", 1,
      want_notes=["SKIP report: 2 /ar/b # SKIP LibreOffice", "FAIL report: 3 /ar/c"])
check("lower-case skip directive",
      [log(("t", "OK", "1..1\nok 1 /ar/x # skip no locale\n", 0))], "0 passed, 0 failed, 1 skipped", 0)
check("all passing",
      [log(("core", "OK", TAP_GOOD, 0), ("potfiles", "OK", "", 0))], "3 passed, 0 failed, 0 skipped", 0)
check("a program that skips itself (exit 77)",
      [log(("validate-desktop-file", "SKIP", "", 77))], "0 passed, 0 failed, 1 skipped", 0,
      want_notes=["SKIP validate-desktop-file"])
check("in CI (--strict) a skip is a failure",
      [log(("report", "OK", "1..2\nok 1 /ar/a\nok 2 /ar/b # SKIP no soffice\n", 0),
           ("install", "SKIP", "", 77))], "1 passed, 2 failed, 0 skipped", 1, strict=True,
      want_notes=["skipped; CI runs every test"])
check("a crash after every case passed is a failure",
      [log(("window", "ERROR", TAP_GOOD, -6))], "2 passed, 1 failed, 0 skipped", 1,
      want_notes=["after its cases"])
check("a timeout with no TAP is a failure",
      [log(("install", "TIMEOUT", "", -15))], "0 passed, 1 failed, 0 skipped", 1)
check("a TODO failure is expected",
      [log(("t", "OK", "1..1\nnot ok 1 /ar/x # TODO later\n", 0))], "1 passed, 0 failed, 0 skipped", 0)
check("two logs (the plain and the sanitizer build) add up on the last line",
      [log(("core", "OK", TAP_GOOD, 0)), log(("core", "FAIL", "1..2\nok 1 /ar/a\nnot ok 2 /ar/b\n", 1))],
      "3 passed, 1 failed, 0 skipped", 1)
sys.exit(1 if failures else 0)
