#!/usr/bin/env python3
"""Runs parliament and cloudsplaining over a folder of policy files, in process, one file at a time, and prints one
JSON object: per tool, the seconds spent analysing (reading excluded), and per policy name the finding classes it
reported. A policy a tool fails on is recorded as the class EXCEPTION (parliament 1.6.4 stops a --directory run at
the first such policy, which is why this driver exists). Used by bench/peers.bench.ts; run with the project's
virtualenv after scripts/ensure-peers.sh: .venv/bin/python scripts/peers.py <folder>
"""
import json
import os
import sys
import time


def main(folder):
    from parliament import analyze_policy_string
    from cloudsplaining.command.scan_policy_file import scan_policy

    texts = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                texts[name[: -len(".json")]] = f.read()

    out = {"policies": len(texts), "parliament": {}, "cloudsplaining": {}}

    findings = {}
    started = time.perf_counter()
    for name, text in texts.items():
        try:
            policy = analyze_policy_string(text)
            findings[name] = sorted({f.issue for f in policy.findings})
        except Exception:  # noqa: BLE001 - a crash is a result here
            findings[name] = ["EXCEPTION"]
    out["parliament"] = {"seconds": time.perf_counter() - started, "findings": findings}

    findings = {}
    started = time.perf_counter()
    for name, text in texts.items():
        try:
            results = scan_policy(json.loads(text))
            findings[name] = sorted(
                k for k, v in results.items() if isinstance(v, dict) and v.get("findings")
            )
        except Exception:  # noqa: BLE001
            findings[name] = ["EXCEPTION"]
    out["cloudsplaining"] = {"seconds": time.perf_counter() - started, "findings": findings}

    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
