import requests

API = "https://api.heygen.com/v1"


class AvatarClient:
    """Kept in st.session_state so the requests.Session survives reruns."""

    def __init__(self, api_key: str):
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key
        self.session_id = None
        self.room = None

    def avatars(self):
        r = self.http.get(f"{API}/streaming/avatar.list", timeout=20)
        r.raise_for_status()
        return [a for a in r.json()["data"] if a.get("status") == "ACTIVE"]

    def open(self, avatar_id: str, language: str = "en"):
        r = self.http.post(
            f"{API}/streaming.new",
            json={"avatar_id": avatar_id, "language": language, "version": "v2"},
            timeout=30,
        )
        r.raise_for_status()
        data = r.json()["data"]
        self.http.post(f"{API}/streaming.start", json={"session_id": data["session_id"]}, timeout=30).raise_for_status()
        self.session_id = data["session_id"]
        self.room = {"url": data["url"], "token": data["access_token"]}

    def speak(self, text: str):
        self.http.post(
            f"{API}/streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": "repeat"},
            timeout=30,
        ).raise_for_status()

    def close(self):
        if self.session_id:
            self.http.post(f"{API}/streaming.stop", json={"session_id": self.session_id}, timeout=30)
        self.session_id = None
        self.room = None
