"""usage_report.py -- sessions per avatar, for the monthly invoice check.

    python usage_report.py > usage.csv
"""
import csv
import os
import sys
from collections import Counter

import httpx

_client = None


def client():
    global _client
    if _client is None:
        _client = httpx.Client(
            base_url="https://api.heygen.com",
            headers={"Authorization": f"Bearer {os.environ['HEYGEN_API_KEY']}"},
            timeout=30.0,
        )
    return _client


def avatar_names():
    r = client().get("/v1/streaming/avatar.list")
    r.raise_for_status()
    return {a["avatar_id"]: a.get("pose_name") or a["avatar_id"] for a in r.json()["data"]}


def history(page_size=50, max_pages=20):
    page = 1
    while page <= max_pages:
        r = client().get("/v2/streaming.list", params={"page": page, "page_size": page_size})
        r.raise_for_status()
        items = r.json()["data"]
        if not items:
            return
        yield from items
        if len(items) < page_size:
            return
        page += 1


def smoke_test(text="Usage report smoke test."):
    c = client()
    r = c.post("/v1/streaming.new", json={"avatar_id": os.environ["REPORT_AVATAR"], "version": "v2"})
    r.raise_for_status()
    sid = r.json()["data"]["session_id"]
    c.post("/v1/streaming.start", json={"session_id": sid}).raise_for_status()
    c.post("/v1/streaming.task", json={"session_id": sid, "text": text}).raise_for_status()
    c.post("/v1/streaming.stop", json={"session_id": sid}).raise_for_status()
    return sid


def report(out=sys.stdout):
    counts = Counter()
    total = 0
    for item in history():
        counts[item.get("avatar_id") or "?"] += 1
        total += 1
    w = csv.writer(out)
    w.writerow(["sessions", total])
    return total


if __name__ == "__main__":
    report()
