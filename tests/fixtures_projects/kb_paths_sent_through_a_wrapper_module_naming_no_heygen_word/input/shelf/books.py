from .routes import KB_DROP, KB_ITEM, KB_LIST
from .wire import send


def titles():
    return sorted(kb["name"] for kb in send("GET", KB_LIST))


def rename(kb_id, name, prompt, opening):
    send("POST", KB_ITEM.format(kb_id=kb_id), {"name": name, "prompt": prompt, "opening": opening})


def drop(kb_id):
    send("POST", KB_DROP.format(kb_id=kb_id))
