"""Knowledge bases as code: a JSON file is the source of truth."""
import json
import logging

from .conn import call

log = logging.getLogger("kbadmin")

KB_ROOT = "/v1/streaming/knowledge_base"


def _kb_path(kb_id, action=""):
    path = f"{KB_ROOT}/{kb_id}"
    return f"{path}/{action}" if action else path


def list_kbs():
    return call("GET", f"{KB_ROOT}/list") or []


def create_kb(name, prompt, opening):
    data = call("POST", f"{KB_ROOT}/create", {"name": name, "prompt": prompt, "opening": opening})
    log.info("created %s -> %s", name, data["id"])
    return data["id"]


def get_kb(kb_id):
    return call("GET", _kb_path(kb_id))


def update_kb(kb_id, **changes):
    current = get_kb(kb_id)
    record = {
        "name": changes.get("name", current["name"]),
        "prompt": changes.get("prompt", current["prompt"]),
        "opening": changes.get("opening", current["opening"]),
    }
    call("POST", _kb_path(kb_id), record)
    return record


def delete_kb(kb_id):
    call("POST", _kb_path(kb_id, "delete"))


def sync_from_file(path):
    """Create or update every knowledge base in ``path``; delete the ones not listed."""
    with open(path) as fh:
        wanted = {entry["name"]: entry for entry in json.load(fh)}
    existing = {item["name"]: item["id"] for item in list_kbs()}
    ids = {}
    for name, entry in wanted.items():
        if name in existing:
            update_kb(existing[name], prompt=entry["prompt"], opening=entry["opening"])
            ids[name] = existing[name]
        else:
            ids[name] = create_kb(name, entry["prompt"], entry["opening"])
    for name, kb_id in existing.items():
        if name not in wanted:
            log.info("pruning %s", name)
            delete_kb(kb_id)
    return ids
