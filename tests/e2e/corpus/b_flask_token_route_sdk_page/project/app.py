import os

import requests
from flask import Flask, jsonify, render_template_string

app = Flask(__name__)

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY")
AVATAR_ID = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")

INDEX_HTML = """<!doctype html>
<html>
<head>
  <title>Talk to {{ avatar_id }}</title>
  <script type="module">
    import StreamingAvatar, { AvatarQuality, StreamingEvents, TaskType }
      from "https://cdn.jsdelivr.net/npm/@heygen/streaming-avatar@2.0.13/+esm";

    let avatar;
    async function start() {
      const res = await fetch("/api/get-access-token", { method: "POST" });
      const { token } = await res.json();
      avatar = new StreamingAvatar({ token });
      avatar.on(StreamingEvents.STREAM_READY, (e) => {
        document.getElementById("video").srcObject = e.detail;
      });
      await avatar.createStartAvatar({
        quality: AvatarQuality.Medium,
        avatarName: "{{ avatar_id }}",
        language: "en",
      });
    }
    async function speak() {
      const text = document.getElementById("text").value;
      await avatar.speak({ text, taskType: TaskType.REPEAT });
    }
    window.start = start;
    window.speak = speak;
    window.stop = () => avatar && avatar.stopAvatar();
  </script>
</head>
<body>
  <video id="video" autoplay playsinline></video>
  <input id="text" /><button onclick="speak()">Speak</button>
  <button onclick="start()">Start</button><button onclick="stop()">Stop</button>
</body>
</html>
"""


@app.route("/")
def index():
    return render_template_string(INDEX_HTML, avatar_id=AVATAR_ID)


@app.route("/api/get-access-token", methods=["POST", "GET"])
def get_access_token():
    try:
        res = requests.post(
            "https://api.heygen.com/v1/streaming.create_token",
            headers={"x-api-key": HEYGEN_API_KEY},
        )
        token = res.json()["data"]["token"]
        return jsonify({"token": token})
    except Exception as e:
        print("Error retrieving access token:", e)
        return jsonify({"error": "Failed to retrieve access token"}), 500


@app.route("/api/avatars")
def list_avatars():
    res = requests.get(
        "https://api.heygen.com/v1/streaming/avatar.list",
        headers={"x-api-key": HEYGEN_API_KEY},
    )
    res.raise_for_status()
    avatars = []
    for a in res.json().get("data", []):
        if a.get("status") == "INACTIVE":
            continue
        avatars.append({"id": a["avatar_id"], "preview": a.get("normal_preview")})
    return jsonify({"avatars": avatars})


if __name__ == "__main__":
    app.run(debug=True, port=5000)
