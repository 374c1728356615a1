#!/usr/bin/env python
"""kbctl -- back up / restore / prune HeyGen knowledge bases.

    kbctl export kb.json
    kbctl import kb.json --prefix staging-
    kbctl prune staging-
    kbctl try-it <kb_id> "question"
"""
import argparse
import json
import os
import sys

import requests

ROOT = "https://api.heygen.com/v1"
KB_ROOT = ROOT + "/streaming/knowledge_base"
HEADERS = {"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "accept": "application/json"}


def list_kbs():
    r = requests.get(KB_ROOT + "/list", headers=HEADERS, timeout=20)
    r.raise_for_status()
    return r.json()["data"]


def get_kb(kb_id):
    r = requests.get(f"{KB_ROOT}/{kb_id}", headers=HEADERS, timeout=20)
    r.raise_for_status()
    d = r.json()["data"]
    return {"name": d["name"], "prompt": d["prompt"], "opening": d["opening"]}


def export(path):
    items = [get_kb(kb["id"]) for kb in list_kbs()]
    with open(path, "w") as f:
        json.dump(items, f, indent=2)
    return len(items)


def import_(path, prefix=""):
    with open(path) as f:
        items = json.load(f)
    ids = []
    for item in items:
        payload = dict(item, name=prefix + item["name"])
        r = requests.post(KB_ROOT + "/create", headers=HEADERS, json=payload, timeout=20)
        r.raise_for_status()
        ids.append(r.json()["data"]["id"])
    return ids


def prune(prefix):
    gone = 0
    for kb in list_kbs():
        if kb["name"].startswith(prefix):
            requests.post(f"{KB_ROOT}/{kb['id']}/delete", headers=HEADERS, timeout=20).raise_for_status()
            gone += 1
    return gone


def try_it(kb_id, question):
    r = requests.post(
        ROOT + "/streaming.new",
        headers=HEADERS,
        json={"avatar_id": os.environ["KBCTL_AVATAR"], "knowledge_base_id": kb_id, "version": "v2"},
        timeout=20,
    )
    r.raise_for_status()
    sid = r.json()["data"]["session_id"]
    requests.post(ROOT + "/streaming.start", headers=HEADERS, json={"session_id": sid}, timeout=20).raise_for_status()
    requests.post(
        ROOT + "/streaming.task",
        headers=HEADERS,
        json={"session_id": sid, "text": question, "task_type": "chat"},
        timeout=20,
    ).raise_for_status()
    requests.post(ROOT + "/streaming.stop", headers=HEADERS, json={"session_id": sid}, timeout=20).raise_for_status()
    return sid


def main(argv=None):
    p = argparse.ArgumentParser(prog="kbctl")
    sub = p.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export")
    e.add_argument("path")
    i = sub.add_parser("import")
    i.add_argument("path")
    i.add_argument("--prefix", default="")
    pr = sub.add_parser("prune")
    pr.add_argument("prefix")
    t = sub.add_parser("try-it")
    t.add_argument("kb_id")
    t.add_argument("question")
    a = p.parse_args(argv)
    if a.cmd == "export":
        print(export(a.path))
    elif a.cmd == "import":
        print("\n".join(import_(a.path, a.prefix)))
    elif a.cmd == "prune":
        print(prune(a.prefix))
    else:
        print(try_it(a.kb_id, a.question))
    return 0


if __name__ == "__main__":
    sys.exit(main())
