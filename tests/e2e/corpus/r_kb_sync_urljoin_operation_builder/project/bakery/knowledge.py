"""Keep the bakery's HeyGen knowledge base in sync with our FAQ text."""
import os

import requests

KB_BASE = "https://api.heygen.com/v1/streaming/knowledge_base"


def _kb(method, suffix="", payload=None):
    resp = requests.request(
        method,
        f"{KB_BASE}/{suffix}" if suffix else KB_BASE,
        json=payload,
        headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json().get("data")


def list_kbs():
    data = _kb("GET", "list") or []
    # older accounts answer {"list": [...]}
    if isinstance(data, dict):
        data = data.get("list", [])
    return data


def get_kb(kb_id):
    return _kb("GET", kb_id)


def create_kb(name, prompt, opening):
    return _kb("POST", "create", {"name": name, "opening": opening, "prompt": prompt})["id"]


def update_kb(kb_id, name, prompt, opening):
    _kb("POST", kb_id, {"name": name, "opening": opening, "prompt": prompt})


def delete_kb(kb_id):
    _kb("POST", f"{kb_id}/delete")


def ensure_kb(name, prompt, opening):
    for kb in list_kbs():
        if kb.get("name") == name:
            update_kb(kb["id"], name, prompt, opening)
            return kb["id"]
    return create_kb(name, prompt, opening)
