import os

import httpx
from pydantic import BaseModel


class KnowledgeBase(BaseModel):
    id: str
    name: str


class Console:
    def __init__(self, api_key=None):
        self.client = httpx.Client(
            base_url="https://api.heygen.com",
            headers={"x-api-key": api_key or os.environ["HEYGEN_API_KEY"]},
            timeout=20,
        )

    def close(self):
        self.client.close()

    # voices ---------------------------------------------------------------------------
    def first_voice(self):
        r = self.client.get("/v2/voices")
        r.raise_for_status()
        return r.json()["data"]["voices"][0]["voice_id"]

    # knowledge bases ------------------------------------------------------------------
    def create_kb(self, name, prompt, opening):
        r = self.client.post(
            "/v1/streaming/knowledge_base/create",
            json={"name": name, "prompt": prompt, "opening": opening},
        )
        r.raise_for_status()
        return KnowledgeBase.model_validate(r.json()["data"])

    def list_kbs(self):
        r = self.client.get("/v1/streaming/knowledge_base/list")
        r.raise_for_status()
        return [KnowledgeBase.model_validate(item) for item in r.json()["data"]]

    def delete_kb(self, kb_id):
        r = self.client.post(f"/v1/streaming/knowledge_base/{kb_id}/delete")
        r.raise_for_status()

    # live -----------------------------------------------------------------------------
    def go_live(self, kb, voice_id):
        r = self.client.post(
            "/v1/streaming.new",
            json={
                "avatar_id": os.environ["ADMIN_AVATAR"],
                "knowledge_base_id": kb.id,
                "voice": {"voice_id": voice_id, "rate": 1.0},
                "version": "v2",
            },
        )
        r.raise_for_status()
        data = r.json()["data"]
        self.client.post("/v1/streaming.start", json={"session_id": data["session_id"]}).raise_for_status()
        return data

    def chat(self, session_id, text):
        self.client.post(
            "/v1/streaming.task", json={"session_id": session_id, "text": text, "task_type": "chat"}
        ).raise_for_status()

    def stop(self, session_id):
        self.client.post("/v1/streaming.stop", json={"session_id": session_id}).raise_for_status()
