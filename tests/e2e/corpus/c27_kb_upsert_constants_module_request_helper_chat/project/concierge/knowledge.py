"""Keep the concierge's knowledge base in sync with the hotel's fact sheet."""
from dataclasses import dataclass

from . import api
from .endpoints import KB_CREATE, KB_DELETE, KB_ITEM, KB_LIST

OPENING = "Welcome to the Grand Budapest. How may I help?"


@dataclass
class KnowledgeBase:
    id: str
    name: str


def fact_sheet_prompt(facts):
    lines = [f"- {k}: {v}" for k, v in sorted(facts.items())]
    return "You are the hotel's concierge. Facts:\n" + "\n".join(lines)


def find(name):
    items = api.request("GET", KB_LIST) or []
    for item in items:
        if item["name"] == name:
            return KnowledgeBase(id=item["id"], name=item["name"])
    return None


def sync_kb(name, facts):
    body = {"name": name, "opening": OPENING, "prompt": fact_sheet_prompt(facts)}
    existing = find(name)
    if existing is None:
        data = api.request("POST", KB_CREATE, json=body)
        return KnowledgeBase(id=data["id"], name=data["name"]), "created"
    api.request("POST", KB_ITEM.format(kb_id=existing.id), json=body)
    return existing, "updated"


def retire(kb):
    api.request("POST", KB_DELETE.format(kb_id=kb.id))
