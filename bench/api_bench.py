#!/usr/bin/env python3
"""Load and latency benchmark of a running Open Forge (standard library only). Prints numbers."""
import argparse
import json
import statistics
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def request(base, key, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"X-API-Key": key, "Content-Type": "application/json"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            payload = resp.read()
            status = resp.status
    except urllib.error.HTTPError as e:
        payload = e.read()
        status = e.code
    elapsed = (time.perf_counter() - start) * 1000
    return status, (json.loads(payload) if payload else None), elapsed


def pct(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def report(name, latencies, seconds, errors=0):
    print(f"{name:<42} n={len(latencies):>5}  p50={pct(latencies, 50):7.1f} ms  p95={pct(latencies, 95):7.1f} ms  "
          f"p99={pct(latencies, 99):7.1f} ms  {len(latencies) / seconds:8.1f} req/s  errors={errors}")


def load(base, key, name, calls, workers):
    latencies, errors = [], 0
    lock = threading.Lock()

    def one(call):
        nonlocal errors
        status, body, ms = request(base, key, *call)
        with lock:
            latencies.append(ms)
            if status >= 400:
                errors += 1
        return body

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(one, calls))
    report(name, latencies, time.perf_counter() - start, errors)
    return results


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--pid", type=int)
    ap.add_argument("--samples")
    ap.add_argument("--engagements", type=int, default=300)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--tasks", type=int, default=60)
    a = ap.parse_args()
    base, key = a.url, a.key
    if a.pid:
        print(f"memory: RSS at start {rss_mb(a.pid):.0f} MB")

    body = {"name": "Bench", "objective": "Weekly sales by region with 24-hour freshness",
            "description": "The Sales VP sponsors it; regional managers need exports.",
            "agent_config": {"auto_run": False}}
    created = load(base, key, "POST /engagements", [("POST", "/api/v1/engagements", body)] * a.engagements,
                   a.workers)
    ids = [c["id"] for c in created if c and "id" in c]
    # the job executor starts each engagement's Discovery phase (and evaluates its gate): wait for it, timed
    start = time.perf_counter()
    while time.perf_counter() - start < 300:
        _, page, _ = request(base, key, "GET", "/api/v1/engagements?status=approved&page_size=1")
        if page and page["total"] == 0:
            break
        time.sleep(0.5)
    took = time.perf_counter() - start
    print(f"{'phase starts through the job executor':<42} n={len(ids):>5}  settled in {took:6.1f} s  "
          f"{len(ids) / max(took, 0.001):6.1f} phases/s")
    load(base, key, "GET /engagements/{id}", [("GET", f"/api/v1/engagements/{i}") for i in ids], a.workers)
    load(base, key, "GET /engagements?page_size=20", [("GET", "/api/v1/engagements?page_size=20")] * 200, a.workers)
    load(base, key, "GET /engagements?status=in_progress (all)",
         [("GET", "/api/v1/engagements?status=in_progress&page_size=100")] * 50, a.workers)
    load(base, key, "GET /transition-check (gate DMN)",
         [("GET", f"/api/v1/engagements/{i}/transition-check?target_phase=design") for i in ids[:200]], a.workers)
    load(base, key, "GET /summary", [("GET", f"/api/v1/engagements/{i}/summary") for i in ids[:200]], a.workers)
    load(base, key, "POST /quality-gates/{id}/pass", [("POST", f"/api/v1/engagements/{i}/quality-gates/"
         "stakeholder_analysis/pass", {"validator": "bench", "evidence": {"ok": True}}) for i in ids[:200]],
         a.workers)

    # agent-task throughput: requirements documents written by the built-in agent through the job executor
    task_body = lambda i: {"engagement_id": ids[i % len(ids)], "task_type": "requirements_gathering",
                           "input_data": {"initial_requirements": ["Real-time sales dashboard",
                                                                   "Export capabilities"]}}
    start = time.perf_counter()
    tasks = load(base, key, "POST /agents/tasks", [("POST", "/api/v1/agents/tasks", task_body(i))
                                                   for i in range(a.tasks)], a.workers)
    pending = {t["id"] for t in tasks if t}
    while pending and time.perf_counter() - start < 600:
        for tid in list(pending):
            status, t, _ = request(base, key, "GET", f"/api/v1/agents/tasks/{tid}")
            if t and t["status"] in ("completed", "failed", "cancelled"):
                pending.discard(tid)
        time.sleep(0.5)
    took = time.perf_counter() - start
    print(f"{'agent tasks (requirements_gathering)':<42} n={a.tasks:>5}  all finished in {took:6.1f} s  "
          f"{a.tasks / took:6.2f} tasks/s  unfinished={len(pending)}")

    if a.samples:
        status, source, _ = request(base, key, "POST", "/api/v1/data-sources",
                                    {"name": "bench csv", "source_type": "csv",
                                     "connection_config": {"path": a.samples}})
        if status == 201:
            times = []
            for _ in range(5):
                _, cat, ms = request(base, key, "GET", f"/api/v1/data-sources/{source['id']}/catalog")
                times.append(ms)
            rows = sum(t.get("row_count") or 0 for t in cat["tables"])
            print(f"{'profile samples/sales (CSV, ' + str(rows) + ' rows)':<42} n=    5  "
                  f"median={statistics.median(times):7.1f} ms")
    if a.pid:
        print(f"memory: RSS at end {rss_mb(a.pid):.0f} MB")


if __name__ == "__main__":
    main()
