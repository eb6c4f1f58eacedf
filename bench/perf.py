#!/usr/bin/env python3
"""Issue 15's ratios against the engine in one running platform (standard library only).

  perf.py throughput --url U --key K --engine-user U --engine-password P [--n 300]
      (a) N instances of bench/noop.bpmn (an asynchronous no-op service task) started through the engine REST API
          vs N REST-created stakeholder_analysis agent tasks, each timed from the first request until all finished;
          both warmed up with N items, then 3 alternating rounds, the median round's ratio reported
  perf.py latency ... [--label L] [--out FILE]
      (b) p50/p99 of summary, engagement read, transition-check and list vs GET /engine-rest/process-instance/{id}
          of the same engagements, under the same 8 clients, interleaved in rounds
Prints RESULT|name|measured|baseline|ratio|goal lines, which bench/run.sh collects into bench/RESULTS.md.
"""
import argparse
import base64
import json
import os
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))


class Client:
    def __init__(self, url, key, user, password):
        self.url, self.key = url, key
        self.basic = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def call(self, method, path, body=None, engine=False, raw=None, content_type="application/json"):
        headers = {"Authorization": self.basic} if engine else {"X-API-Key": self.key}
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        if data is not None:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                payload, status = resp.read(), resp.status
        except urllib.error.HTTPError as e:
            payload, status = e.read(), e.code
        ms = (time.perf_counter() - start) * 1000
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError:
            parsed = None
        return status, parsed, ms


def pct(values, p):
    values = sorted(values)
    rank = max(1, -(-len(values) * p // 100))
    return values[int(rank) - 1]


def result(name, measured, baseline, ratio, goal):
    print(f"RESULT|{name}|{measured}|{baseline}|{ratio:.2f}|{goal}", flush=True)


def run_all(calls, workers):
    """Runs (client, method, path, body, engine) calls with `workers` threads; returns (latencies, errors)."""
    lat, errors, lock = [], [0], threading.Lock()

    def one(c):
        status, _, ms = c[0].call(c[1], c[2], c[3], engine=c[4])
        with lock:
            lat.append(ms)
            if status >= 400:
                errors[0] += 1

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, calls))
    return lat, errors[0]


def wait(predicate, timeout, interval=0.2):
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return True
        time.sleep(interval)
    return False


def deploy_noop(c):
    boundary = uuid.uuid4().hex
    with open(os.path.join(HERE, "noop.bpmn"), "rb") as f:
        bpmn = f.read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-noop\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"noop.bpmn\"; filename=\"noop.bpmn\"\r\n"
            f"Content-Type: application/xml\r\n\r\n").encode() + bpmn + f"\r\n--{boundary}--\r\n".encode()
    status, _, _ = c.call("POST", "/engine-rest/deployment/create", raw=body, engine=True,
                          content_type=f"multipart/form-data; boundary={boundary}")
    assert status == 200, f"deploying bench/noop.bpmn answered {status}"


def engine_run(c, n, workers):
    """Seconds from the first start request until n more no-op instances have finished."""
    count = "/engine-rest/history/process-instance/count?processDefinitionKey=bench-noop&finished=true"
    done0 = c.call("GET", count, engine=True)[1]["count"]
    start = time.perf_counter()
    _, errors = run_all([(c, "POST", "/engine-rest/process-definition/key/bench-noop/start", {}, True)] * n, workers)
    started = time.perf_counter() - start
    finished = wait(lambda: c.call("GET", count, engine=True)[1]["count"] - done0 >= n, 600, 0.1)
    return time.perf_counter() - start, started, errors, finished


def agent_run(c, eid, n, workers):
    """Seconds from the first POST /agents/tasks until n more tasks of the engagement have completed."""
    task = {"engagement_id": eid, "task_type": "stakeholder_analysis", "description": "bench",
            "input_data": {"stakeholders": [{"name": "Sales VP", "role": "executive_sponsor"}]}}
    path = f"/api/v1/agents/tasks?engagement_id={eid}&page_size=1&status=completed"
    done0 = c.call("GET", path)[1]["total"]
    start = time.perf_counter()
    _, errors = run_all([(c, "POST", "/api/v1/agents/tasks", task, False)] * n, workers)
    started = time.perf_counter() - start
    finished = wait(lambda: c.call("GET", path)[1]["total"] - done0 >= n, 900, 0.1)
    return time.perf_counter() - start, started, errors, finished


def throughput(c, n, workers, rounds=3):
    # (a) the raw engine, deployed into the same running platform, against agent tasks. Both are warmed up with n
    # items first (the JIT compiles both paths: with fewer, compilation took a third of the measured CPU), then
    # measured in alternating rounds; the ratio is the median of the rounds' ratios.
    deploy_noop(c)
    status, eng, _ = c.call("POST", "/api/v1/engagements", {
        "name": "Bench throughput", "objective": "Weekly sales by region", "agent_config": {"auto_run": False}})
    assert status in (200, 201), f"creating the engagement answered {status}: {eng}"
    engine_run(c, n, workers)
    agent_run(c, eng["id"], n, workers)
    ratios = []
    for r in range(1, rounds + 1):
        e_s, e_start, e_err, e_ok = engine_run(c, n, workers)
        a_s, a_start, a_err, a_ok = agent_run(c, eng["id"], n, workers)
        engine_rate, agent_rate = n / e_s, n / a_s
        ratios.append((agent_rate / engine_rate, agent_rate, engine_rate))
        print(f"round {r}: raw engine: {n} no-op async instances in {e_s:.1f} s = {engine_rate:.1f}/s (starts took "
              f"{e_start:.1f} s; errors {e_err}; all finished: {e_ok}); agent tasks: {n} stakeholder_analysis tasks "
              f"in {a_s:.1f} s = {agent_rate:.1f}/s (creates took {a_start:.1f} s; errors {a_err}; all completed: "
              f"{a_ok}); ratio {agent_rate / engine_rate:.2f}", flush=True)
    ratio, agent_rate, engine_rate = sorted(ratios)[len(ratios) // 2]
    result("agent tasks/s vs raw engine instances/s", f"{agent_rate:.1f}/s", f"{engine_rate:.1f}/s", ratio, ">=0.70")


def latency(c, engagements, requests, workers, label, out):
    ids = []
    for i in range(engagements):
        status, e, _ = c.call("POST", "/api/v1/engagements", {
            "name": f"Bench latency {i}", "objective": "Weekly sales by region with 24-hour freshness",
            "agent_config": {"auto_run": False}})
        assert status in (200, 201), f"creating an engagement answered {status}: {e}"
        ids.append(e["id"])
    wait(lambda: all(c.call("GET", f"/api/v1/engagements/{i}")[1].get("process_instance_id") for i in ids[:3]), 60)
    pids = [c.call("GET", f"/api/v1/engagements/{i}")[1]["process_instance_id"] for i in ids]
    endpoints = {
        "summary": lambda k: f"/api/v1/engagements/{ids[k % len(ids)]}/summary",
        "engagement read": lambda k: f"/api/v1/engagements/{ids[k % len(ids)]}",
        "transition-check": lambda k: f"/api/v1/engagements/{ids[k % len(ids)]}/transition-check?target_phase=design",
        "list": lambda k: "/api/v1/engagements?page_size=20",
    }
    engine = lambda k: f"/engine-rest/process-instance/{pids[k % len(pids)]}"
    # warm-up: every path once
    run_all([(c, "GET", f(k), None, False) for f in endpoints.values() for k in range(len(ids))], workers)
    run_all([(c, "GET", engine(k), None, True) for k in range(len(ids))], workers)
    measured = {}
    for name, path in endpoints.items():
        mine, base = [], []
        for _ in range(3):  # interleaved rounds, so drift hits both alike
            lat, _ = run_all([(c, "GET", path(k), None, False) for k in range(requests // 3)], workers)
            mine += lat
            lat, _ = run_all([(c, "GET", engine(k), None, True) for k in range(requests // 3)], workers)
            base += lat
        measured[name] = {"p50": pct(mine, 50), "p99": pct(mine, 99), "engine_p50": pct(base, 50),
                          "engine_p99": pct(base, 99)}
        print(f"{name + label:<36} p50 {pct(mine, 50):6.1f} ms p99 {pct(mine, 99):6.1f} ms | engine read p50 "
              f"{pct(base, 50):6.1f} ms p99 {pct(base, 99):6.1f} ms ({workers} clients, {len(mine)} requests)",
              flush=True)
        result(f"{name} p99 vs engine process-instance read p99{label}", f"{pct(mine, 99):.1f} ms",
               f"{pct(base, 99):.1f} ms", pct(mine, 99) / pct(base, 99), "<=2.0")
    if out:
        with open(out, "w") as f:
            json.dump(measured, f)
    return measured


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("part", choices=["throughput", "latency"])
    ap.add_argument("--url", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--engine-user", required=True)
    ap.add_argument("--engine-password", required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--engagements", type=int, default=20)
    ap.add_argument("--requests", type=int, default=600)
    ap.add_argument("--label", default="")
    ap.add_argument("--out")
    ap.add_argument("--compare", help="latency JSON of the empty database, for the scale ratios")
    a = ap.parse_args()
    c = Client(a.url, a.key, a.engine_user, a.engine_password)
    if a.part == "throughput":
        throughput(c, a.n, a.workers, a.rounds)
    else:
        m = latency(c, a.engagements, a.requests, a.workers, a.label, a.out)
        if a.compare:
            with open(a.compare) as f:
                empty = json.load(f)
            for name in ("list", "summary"):
                result(f"{name} p99 at scale vs empty database", f"{m[name]['p99']:.1f} ms",
                       f"{empty[name]['p99']:.1f} ms", m[name]["p99"] / empty[name]["p99"], "<=1.5")


if __name__ == "__main__":
    main()
