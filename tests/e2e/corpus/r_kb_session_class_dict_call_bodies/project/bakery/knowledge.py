"""Keep the bakery's knowledge base in sync with our FAQ text."""
import os

import requests

API = "https://api.heygen.com/v1"


class KnowledgeBases:
    def __init__(self):
        self.s = requests.Session()
        self.s.headers["X-Api-Key"] = os.environ["HEYGEN_API_KEY"]

    def all(self):
        r = self.s.get(API + "/streaming/knowledge_base/list")
        r.raise_for_status()
        payload = r.json().get("data") or []
        return payload.get("list", []) if isinstance(payload, dict) else payload

    def get(self, kb_id):
        return self.s.get(f"{API}/streaming/knowledge_base/{kb_id}").json()["data"]

    def create(self, name, prompt, opening):
        r = self.s.post(API + "/streaming/knowledge_base/create", json=dict(name=name, opening=opening, prompt=prompt))
        r.raise_for_status()
        return r.json()["data"]["id"]

    def update(self, kb_id, name, prompt, opening):
        self.s.post(f"{API}/streaming/knowledge_base/{kb_id}", json={"name": name, "opening": opening, "prompt": prompt}).raise_for_status()

    def delete(self, kb_id):
        self.s.post(f"{API}/streaming/knowledge_base/{kb_id}/delete").raise_for_status()


_kbs = KnowledgeBases()


def list_kbs():
    return _kbs.all()


def get_kb(kb_id):
    return _kbs.get(kb_id)


def delete_kb(kb_id):
    _kbs.delete(kb_id)


def ensure_kb(name, prompt, opening):
    for kb in _kbs.all():
        if kb.get("name") == name:
            _kbs.update(kb["id"], name, prompt, opening)
            return kb["id"]
    return _kbs.create(name, prompt, opening)
