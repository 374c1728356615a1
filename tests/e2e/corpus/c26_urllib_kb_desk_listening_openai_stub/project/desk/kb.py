from .http import _request

KB = "/v1/streaming/knowledge_base"


def create(name, prompt, opening):
    return _request("POST", f"{KB}/create", {"name": name, "prompt": prompt, "opening": opening})["data"]["id"]


def update(kb_id, name, prompt, opening):
    _request("POST", f"{KB}/{kb_id}", {"name": name, "prompt": prompt, "opening": opening})


def delete(kb_id):
    _request("POST", f"{KB}/{kb_id}/delete")
