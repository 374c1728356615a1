from .client import KB
from .registry import CLIENTS, client

LIST_URL = KB


def names():
    found = client().call("GET", LIST_URL)["results"]
    return [kb["name"] for kb in found]


def remove(kb_id):
    CLIENTS["default"].call("DELETE", f"{KB}/{kb_id}")
