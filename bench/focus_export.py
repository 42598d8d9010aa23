#!/usr/bin/env python3
"""FOCUS queries and exports on a year of tagged usage: starts paygo (cli/target/paygo.jar) on a fresh SQLite file on
127.0.0.1 with a small heap, loads 365 days x 10 metrics x 6 zones of events (each tagged with a team), then times
the v2 JSON query (30 days, ungrouped and grouped by zone and team) and a year's CSV and Parquet exports, sampling
the server's resident memory. Stops the server when done.   Usage: bench/focus_export.py [HEAP, default 96m]
"""
import datetime, json, os, random, statistics, subprocess, sys, tempfile, threading, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "cli", "target", "paygo.jar")
PORT = 18100
BASE = "http://127.0.0.1:%d/client/v4" % PORT
OPERATOR = "bench-operator-token-0123456789abcdef"
HEAP = sys.argv[1] if len(sys.argv) > 1 else "96m"


def call(method, path, body=None):
    request = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + OPERATOR, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return answer.read()


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))


def timed(path, samples):
    """Median seconds of `samples` GETs, the answer's size, and the peak resident memory while they ran."""
    peak, stop = [0], threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], rss_kb(server.pid))
            time.sleep(0.05)
    sampler = threading.Thread(target=sample)
    sampler.start()
    times, size = [], 0
    for _ in range(samples):
        start = time.perf_counter()
        size = len(call("GET", path))
        times.append(time.perf_counter() - start)
    stop.set()
    sampler.join()
    return statistics.median(times), size, peak[0]


folder = tempfile.mkdtemp(prefix="paygo-focus-bench")
env = dict(os.environ, PAYGO_OPERATOR_TOKEN=OPERATOR)
server = subprocess.Popen(["java", "-Xmx" + HEAP, "-jar", JAR, "serve", "--host", "127.0.0.1", "--port", str(PORT),
                           "--database", "jdbc:sqlite:" + os.path.join(folder, "paygo.db"), "--late-event-days", "400",
                           "--rate-limit", "0"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(120):
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/readyz" % PORT)
            break
        except OSError:
            time.sleep(0.5)
    account = json.loads(call("POST", "/accounts", {"name": "A year", "billing_cycle_anchor": "2025-11-01T00:00:00Z"}))["result"]["id"]
    metrics = ["workers.requests", "workers.cpu_ms", "kv.keys_read", "kv.keys_written", "r2.standard.class_a",
               "r2.standard.class_b", "d1.rows_read", "d1.rows_written", "durable_objects.requests", "workers_ai.neurons"]
    random.seed(7)
    today = datetime.datetime.now(datetime.timezone.utc).date()
    events, sent = [], 0
    for back in range(365, 0, -1):
        day = today - datetime.timedelta(days=back)
        for metric in metrics:
            for zone in range(1, 7):
                sent += 1
                events.append({"id": "e%d" % sent, "metric": metric, "quantity": random.randint(1, 5_000_000),
                               "timestamp": "%sT10:00:00Z" % day, "zone_id": "%032x" % zone,
                               "tags": {"team": random.choice(["search", "billing", "edge"])}})
        if len(events) >= 5000 or back == 1:
            call("POST", "/accounts/%s/usage/events" % account, events)
            events = []
    idle = rss_kb(server.pid)
    first, last = today - datetime.timedelta(days=365), today - datetime.timedelta(days=1)
    month = "from=%s&to=%s" % (today - datetime.timedelta(days=30), last)
    year = "from=%s&to=%s&group_by=zone&group_by=tag:team" % (first, last)
    print("paygo FOCUS benchmark: %d events over 365 days, server -Xmx%s, resident %d MB idle after loading"
          % (sent, HEAP, idle // 1024))
    print("| request | median | answer | peak resident memory |")
    print("|---|---|---|---|")
    for label, path, samples in [
            ("v2 JSON, 30 days", "/accounts/%s/billable/usage?%s" % (account, month), 7),
            ("v2 JSON, 30 days by zone and team", "/accounts/%s/billable/usage?%s&group_by=zone&group_by=tag:team"
             % (account, month), 7),
            ("CSV export, 365 days by zone and team", "/accounts/%s/billable/usage/export?format=csv&%s"
             % (account, year), 3),
            ("Parquet export, 365 days by zone and team", "/accounts/%s/billable/usage/export?format=parquet&%s"
             % (account, year), 3)]:
        seconds, size, peak = timed(path, samples)
        print("| %s | %.0f ms | %.1f MB | %d MB |" % (label, seconds * 1000, size / 1e6, peak // 1024))
finally:
    server.terminate()
    server.wait(30)
