"""Manage the knowledge bases our concierge avatars answer from."""
from .client import BASE_URL, check, make_session

KB_URL = f"{BASE_URL}/streaming/knowledge_base"


class KnowledgeBases:
    def __init__(self, session=None):
        self.http = session or make_session()

    def list(self):
        body = check(self.http.get(f"{KB_URL}/list"))
        data = body["data"]
        # the API has returned both shapes over time
        return data["list"] if isinstance(data, dict) else data

    def create(self, name, prompt, opening):
        body = check(self.http.post(f"{KB_URL}/create", json={"name": name, "prompt": prompt, "opening": opening}))
        return body["data"]["id"]

    def update(self, kb_id, name, prompt, opening):
        check(self.http.post(f"{KB_URL}/{kb_id}", json={"name": name, "prompt": prompt, "opening": opening}))

    def delete(self, kb_id):
        check(self.http.post(f"{KB_URL}/{kb_id}/delete"))

    def ensure(self, name, prompt, opening):
        for kb in self.list():
            if kb["name"] == name:
                self.update(kb["id"], name, prompt, opening)
                return kb["id"]
        return self.create(name, prompt, opening)
