# Python port of our old React hook `useStreamingAvatar.ts` so the kiosk can run headless.
# Names kept from the TS original on purpose (easier to diff the two).
import os
import requests

HEYGEN_API_URL = "https://api.heygen.com"
apiKey = os.environ.get("HEYGEN_API_KEY")


class StreamingAvatarApi:
    def __init__(self, avatarName, knowledgeId=None, quality="Medium", language="en"):
        self.avatarName = avatarName
        self.knowledgeId = knowledgeId
        self.quality = quality
        self.language = language
        self.sessionToken = None
        self.sessionInfo = None

    # --- helpers -------------------------------------------------------------------
    def authHeaders(self):
        return {"Content-Type": "application/json", "Authorization": "Bearer " + self.sessionToken}

    def fetchAccessToken(self):
        res = requests.post(HEYGEN_API_URL + "/v1/streaming.create_token", headers={"x-api-key": apiKey})
        json_ = res.json()
        self.sessionToken = json_["data"]["token"]
        return self.sessionToken

    # --- lifecycle -----------------------------------------------------------------
    def createStartAvatar(self):
        if not self.sessionToken:
            self.fetchAccessToken()
        requestBody = {
            "quality": self.quality.lower(),
            "avatar_name": self.avatarName,
            "voice": {"rate": 1.0, "emotion": "friendly"},
            "language": self.language,
            "version": "v2",
            "video_encoding": "H264",
        }
        if self.knowledgeId:
            requestBody["knowledge_base_id"] = self.knowledgeId
        res = requests.post(HEYGEN_API_URL + "/v1/streaming.new", json=requestBody, headers=self.authHeaders())
        self.sessionInfo = res.json()["data"]
        startRes = requests.post(HEYGEN_API_URL + "/v1/streaming.start",
                                 json={"session_id": self.sessionInfo["session_id"]}, headers=self.authHeaders())
        if startRes.status_code != 200:
            raise Exception("startAvatar failed: " + startRes.text)
        return self.sessionInfo

    def speak(self, text, taskType="talk", taskMode="sync"):
        res = requests.post(HEYGEN_API_URL + "/v1/streaming.task", headers=self.authHeaders(), json={
            "session_id": self.sessionInfo["session_id"],
            "text": text,
            "task_type": taskType,
            "task_mode": taskMode,
        })
        return res.json()

    def interrupt(self):
        requests.post(HEYGEN_API_URL + "/v1/streaming.interrupt", headers=self.authHeaders(),
                      json={"session_id": self.sessionInfo["session_id"]})

    def startListening(self):
        requests.post(HEYGEN_API_URL + "/v1/streaming.start_listening", headers=self.authHeaders(),
                      json={"session_id": self.sessionInfo["session_id"]})

    def stopListening(self):
        requests.post(HEYGEN_API_URL + "/v1/streaming.stop_listening", headers=self.authHeaders(),
                      json={"session_id": self.sessionInfo["session_id"]})

    def stopAvatar(self):
        if self.sessionInfo:
            requests.post(HEYGEN_API_URL + "/v1/streaming.stop", headers=self.authHeaders(),
                          json={"session_id": self.sessionInfo["session_id"]})
            self.sessionInfo = None
            self.sessionToken = None
