from .routes import KB_DROP, KB_ITEM, KB_LIST
from .wire import send


def titles():
    return sorted(kb["name"] for kb in send("GET", KB_LIST)["results"])


def rename(kb_id, name, prompt, opening):
    send("PATCH", KB_ITEM.format(kb_id=kb_id), {"name": name, "prompt": prompt, "opening_text": opening})


def drop(kb_id):
    send("DELETE", KB_DROP.format(kb_id=kb_id))
