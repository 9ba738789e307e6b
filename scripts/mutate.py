#!/usr/bin/env python3
"""Mutation check: does the test suite notice small semantic changes a real bug could be?

Each mutant in the list (scripts/mutants.json by default) is one textual change to one line of src/: an
operator (flipped comparison, off-by-one bound, dropped condition, swapped arguments, changed constant, ...)
applied to a chosen line. For every mutant the script applies it, rebuilds the test programs named for its
module, runs them, and restores the file. A mutant is *killed* when a test fails (or it no longer builds),
*survived* when every test passes. Survivors are either a missing test (write it) or *equivalent* (the change
cannot alter behaviour; the list says why in "equivalent").

Not part of CI: it rebuilds once per mutant. Run from the repository root after a normal build:
    scripts/mutate.py [--list scripts/mutants.json] [--only MODULE] [--id ID] [--build build] [--jobs 2]
It prints one line per mutant and a table per module: mutants, killed, equivalent, survived, score (killed over
mutants that are not equivalent). The working tree is restored even when interrupted.
"""
import argparse
import json
import os
import pathlib
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

# The test programs that exercise each module (ctest names them <module>_tests; cli tests drive the binary).
DEFAULT_TESTS = {
    "core": ["core_tests", "cli_tests"],
    "geo": ["geo_tests", "engine_tests"],
    "store": ["store_tests", "edit_tests", "ui_tests", "cli_tests"],  # ui_tests: the erasure tests
    "io": ["io_tests", "project_tests", "cli_tests"],
    "engine": ["engine_tests", "cli_tests"],
    "analysis": ["analysis_tests", "project_tests", "cli_tests"],
    "edit": ["edit_tests", "ui_tests"],
    "project": ["project_tests", "cli_tests", "engine_tests"],
    "import": ["project_tests", "cli_tests", "io_tests"],
}


def run(cmd, cwd, timeout):
    started = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout,
                           text=True, errors="replace")
        return p.returncode, p.stdout, time.monotonic() - started
    except subprocess.TimeoutExpired as e:
        return 124, (e.stdout or "") if isinstance(e.stdout, str) else "", time.monotonic() - started


def run_sharded(exe, gtest_filter, shards, timeout):
    """Runs one test program split into `shards` gtest shards side by side; stops at the first failure.

    Returns None when every shard passed, else the names of the failed tests (or the exit code)."""
    cmd = [str(exe), "--gtest_brief=1", "--gtest_fail_fast"]
    if gtest_filter:
        cmd.append("--gtest_filter=" + gtest_filter)
    procs = []
    for i in range(max(shards, 1)):
        env = dict(os.environ, GTEST_TOTAL_SHARDS=str(max(shards, 1)), GTEST_SHARD_INDEX=str(i))
        log = tempfile.TemporaryFile("w+", errors="replace")  # a file, not a pipe: output cannot block a shard
        p = subprocess.Popen(cmd, cwd=exe.parent, env=env, stdout=log, stderr=subprocess.STDOUT,
                             start_new_session=True)
        p.log = log
        procs.append(p)
    deadline = time.monotonic() + timeout
    failure = None
    outputs = {}
    while procs and failure is None:
        for p in list(procs):
            if p.poll() is not None:
                p.log.seek(0)
                outputs[p] = p.log.read()
                p.log.close()
                procs.remove(p)
                if p.returncode != 0:
                    failed = [l.split("]", 1)[1].strip() for l in outputs[p].splitlines()
                              if l.startswith("[  FAILED  ]")]
                    failure = ", ".join(failed[:3]) or f"exit {p.returncode}"
        if time.monotonic() > deadline and failure is None:
            failure = f"timeout after {timeout} s"
        time.sleep(0.05)
    for p in procs:  # a failure (or timeout) in one shard: the others need not finish
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait()
    return failure


def apply(mutant):
    path = ROOT / mutant["file"]
    original = path.read_text()
    count = original.count(mutant["find"])
    if count != 1:
        raise SystemExit(f"mutant {mutant['id']}: '{mutant['find']}' occurs {count} times in {mutant['file']}")
    path.write_text(original.replace(mutant["find"], mutant["replace"]))
    return path, original


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", default=str(ROOT / "scripts" / "mutants.json"))
    ap.add_argument("--only", help="only mutants of this module")
    ap.add_argument("--id", action="append", help="only this mutant (repeatable)")
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--jobs", default="2")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per test program")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--resume", help="the printed output of an earlier run: its mutants are counted, not rerun")
    args = ap.parse_args()

    mutants = json.loads(pathlib.Path(args.list).read_text())
    if args.only:
        mutants = [m for m in mutants if m["module"] == args.only]
    if args.id:
        mutants = [m for m in mutants if m["id"] in args.id]
    build = pathlib.Path(args.build)
    restore = []

    def undo(*_):
        for path, text in restore:
            path.write_text(text)
        restore.clear()

    signal.signal(signal.SIGINT, lambda *a: (undo(), sys.exit(130)))
    signal.signal(signal.SIGTERM, lambda *a: (undo(), sys.exit(143)))

    # Every mutant's find text must be there before we start (a stale list is an error, not a survivor).
    for m in mutants:
        text = (ROOT / m["file"]).read_text()
        if text.count(m["find"]) != 1:
            raise SystemExit(f"mutant {m['id']}: find text not unique in {m['file']} (found {text.count(m['find'])})")

    results = []
    if args.resume:
        known = {m["id"]: m for m in mutants}
        for line in pathlib.Path(args.resume).read_text().splitlines():
            parts = line.split(None, 4)
            if len(parts) >= 4 and parts[0] in known and parts[3] in ("killed", "survived", "equivalent"):
                m = known[parts[0]]
                status = parts[3]
                if status == "survived" and m.get("equivalent"):
                    status = "equivalent"
                results.append({"id": m["id"], "module": m["module"], "op": m.get("op", ""), "status": status,
                                "detail": parts[4] if len(parts) > 4 else ""})
        done = {r["id"] for r in results}
        mutants = [m for m in mutants if m["id"] not in done]
    for m in mutants:
        tests = m.get("tests") or DEFAULT_TESTS[m["module"]]
        path, original = apply(m)
        restore.append((path, original))
        try:
            targets = tests + (["lagebild"] if "cli_tests" in tests or "edit_tests" in tests else [])
            rc, out, secs = run(["cmake", "--build", str(build), "-j", args.jobs, "--target", *targets], ROOT, 1800)
            if rc != 0:
                status, detail = "killed", "does not build"
            else:
                status, detail = "survived", ""
                for t in tests:
                    failed = run_sharded(build / "tests" / t, m.get("filter"), int(args.jobs), args.timeout)
                    if failed is not None:
                        status, detail = "killed", f"{t}: {failed}"
                        break
            if status == "survived" and m.get("equivalent"):
                status, detail = "equivalent", m["equivalent"]
        finally:
            undo()
        results.append({"id": m["id"], "module": m["module"], "op": m.get("op", ""), "status": status,
                        "detail": detail})
        print(f"{m['id']:<28} {m['module']:<9} {m.get('op', ''):<16} {status:<10} {detail}", flush=True)

    # Rebuild the restored tree so the build folder matches the sources again.
    run(["cmake", "--build", str(build), "-j", args.jobs], ROOT, 3600)

    modules = sorted({r["module"] for r in results})
    print(f"\n{'module':<10} {'mutants':>7} {'killed':>7} {'equiv':>6} {'survived':>9} {'score':>7}")
    for mod in modules + ["all"]:
        rs = [r for r in results if mod == "all" or r["module"] == mod]
        k = sum(r["status"] == "killed" for r in rs)
        e = sum(r["status"] == "equivalent" for r in rs)
        s = sum(r["status"] == "survived" for r in rs)
        score = 100.0 * k / (len(rs) - e) if len(rs) > e else 100.0
        print(f"{mod:<10} {len(rs):>7} {k:>7} {e:>6} {s:>9} {score:>6.1f}%")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
