"""Load check of `foiclock serve`: requests per second and latency (median, p99) for the API's
`/api/v1/due` and for the page with the seed letter's case, with N concurrent clients.

Loopback only: the server is started here on 127.0.0.1 and a free port, in a subprocess stopped
by its own pid; every phase is bounded in requests (--requests) and in time (--seconds), and
the clients are threads with a keep-alive httpx2 client each.

Run: python bench/web.py [--clients N] [--requests N] [--seconds S]   (from the project's venv)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx2

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.web_server import running_server

PATHS = {
    "/api/v1/due": "api/v1/due?received=2025-08-19",
    "/ (the page)": (
        "?received-day=19&received-month=8&received-year=2025"
        "&responded-day=16&responded-month=9&responded-year=2025"
    ),
}
WARM_UP = 20


def load(url: str, clients: int, requests: int, seconds: float) -> tuple[int, float, list[float]]:
    """`requests` GETs of `url` shared among `clients` threads, stopping at `seconds`: the number
    answered 200, the time taken and each latency in seconds."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    left = [requests]
    deadline = time.perf_counter() + seconds

    def client() -> None:
        with httpx2.Client(timeout=30) as session:
            while time.perf_counter() < deadline:
                with lock:
                    if left[0] == 0:
                        return
                    left[0] -= 1
                started = time.perf_counter()
                response = session.get(url)
                took = time.perf_counter() - started
                with lock:
                    if response.status_code == 200:
                        latencies.append(took)
                    else:
                        failures.append(f"{response.status_code}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{len(failures)} requests failed: {failures[:5]}")
    return len(latencies), elapsed, latencies


def p99(latencies: list[float]) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60.0)
    arguments = parser.parse_args()
    with running_server() as server:
        print(
            f"foiclock serve at {server.url}; {arguments.clients} clients, at most "
            f"{arguments.requests} requests or {arguments.seconds:.0f} s a path"
        )
        for label, path in PATHS.items():
            url = server.url + path
            load(url, 1, WARM_UP, arguments.seconds)  # the holiday cache, the templates
            done, elapsed, latencies = load(
                url, arguments.clients, arguments.requests, arguments.seconds
            )
            print(
                f"  {label:<14} {done:>6} requests in {elapsed:5.1f} s: {done / elapsed:7.0f} "
                f"requests/s, median {statistics.median(latencies) * 1000:6.1f} ms, "
                f"p99 {p99(latencies) * 1000:6.1f} ms"
            )


if __name__ == "__main__":
    main()
