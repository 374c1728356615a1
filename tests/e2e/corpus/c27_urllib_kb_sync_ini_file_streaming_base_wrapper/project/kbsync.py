"""Keep HeyGen knowledge bases in sync with kb.cfg."""
import configparser
import json
import os
import urllib.request

API = "https://api.heygen.com/v1/streaming"
CONFIG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kb.cfg")


def _call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        API + path,
        data=data,
        method=method,
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=20) as resp:
        return json.loads(resp.read().decode())


def wanted():
    cfg = configparser.ConfigParser()
    cfg.read(CONFIG)
    return {name: {"name": name, "opening": sec["opening"], "prompt": sec["prompt"]} for name, sec in cfg.items() if name != "DEFAULT"}


def existing():
    doc = _call("GET", "/knowledge_base/list")
    return {item["name"]: item["id"] for item in doc["data"]}


def sync(config=None):
    target = config or wanted()
    have = existing()
    report = {"created": [], "updated": [], "deleted": []}
    for name, body in target.items():
        if name in have:
            _call("POST", f"/knowledge_base/{have[name]}", body)
            report["updated"].append(name)
        else:
            _call("POST", "/knowledge_base/create", body)
            report["created"].append(name)
    for name, kb_id in have.items():
        if name not in target:
            _call("POST", f"/knowledge_base/{kb_id}/delete")
            report["deleted"].append(name)
    return report


def demo(name, questions):
    kb_id = existing()[name]
    data = _call("POST", ".new", {"avatar_id": os.environ["KB_AVATAR"], "knowledge_base_id": kb_id, "version": "v2"})["data"]
    _call("POST", ".start", {"session_id": data["session_id"]})
    for q in questions:
        _call("POST", ".task", {"session_id": data["session_id"], "text": q, "task_type": "talk"})
    _call("POST", ".stop", {"session_id": data["session_id"]})
    return data["session_id"]
