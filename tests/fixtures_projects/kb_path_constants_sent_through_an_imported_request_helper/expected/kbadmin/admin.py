from . import http
from .paths import KB_CREATE, KB_LIST, KB_ONE, KB_REMOVE


def names():
    return [
        kb["name"]
        for kb in http.call("GET", KB_LIST)["results"]
    ]


def create(name, prompt, opening):
    body = {"name": name, "prompt": prompt, "opening_text": opening}
    return http.call("POST", KB_CREATE, json=body)["id"]


def update(kb_id, name, prompt, opening):
    http.call(
        "PATCH",
        KB_ONE.format(kb_id=kb_id),
        json={"name": name, "prompt": prompt, "opening_text": opening},
    )


def remove(kb_id):
    http.call("DELETE", KB_REMOVE.format(kb_id=kb_id))
