import httpx

from settings import AppConfig, HeyGenConfig


class Concierge:
    def __init__(self, cfg: HeyGenConfig):
        self.cfg = cfg
        self.client = httpx.Client(
            base_url=cfg.api_base,
            headers={"X-Api-Key": cfg.api_key},
            timeout=cfg.timeout_s,
        )
        self.session_id = None

    def _post(self, path, **body):
        r = self.client.post(path, json=body)
        r.raise_for_status()
        return r.json().get("data")

    def open(self):
        body = {"avatar_id": self.cfg.avatar_id, "quality": self.cfg.quality, "version": "v2"}
        if self.cfg.knowledge_base_id:
            body["knowledge_base_id"] = self.cfg.knowledge_base_id
        r = self.client.post("/streaming.new", json=body)
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        self.client.post("/streaming.start", json={"session_id": self.session_id}).raise_for_status()
        return data["url"], data["access_token"]

    def say(self, text):
        self.client.post("/streaming.task", json={"session_id": self.session_id, "text": text,
                                                  "task_type": "repeat"}).raise_for_status()

    def ask(self, text):
        self.client.post("/streaming.task", json={"session_id": self.session_id, "text": text,
                                                  "task_type": "chat"}).raise_for_status()

    def close(self):
        if self.session_id:
            self.client.post("/streaming.stop", json={"session_id": self.session_id}).raise_for_status()
            self.session_id = None
        self.client.close()


def run(config_path="config.yaml", on_room=None):
    cfg = AppConfig.load(config_path)
    c = Concierge(cfg.heygen)
    url, token = c.open()
    if on_room:
        on_room(url, token)
    try:
        c.say(cfg.script.greeting)
        for q in cfg.script.questions:
            c.ask(q)
        c.say(cfg.script.goodbye)
    finally:
        c.close()
