from .client import KB
from .registry import CLIENTS, client

LIST_URL = KB + "/list"


def names():
    found = client().call("GET", LIST_URL)
    return [kb["name"] for kb in found]


def remove(kb_id):
    CLIENTS["default"].call("POST", f"{KB}/{kb_id}/delete")
