import requests

import st_shim as st

st.title("HeyGen Streaming Avatar demo")

HEYGEN_API_KEY = st.secrets["heygen"]["heygen_api_key"]
AVATAR_ID = st.secrets["heygen"].get("avatar_id", "Anna_public_3_20240108")
SERVER_URL = "https://api.heygen.com"

H_HEYGEN = {"accept": "application/json", "content-type": "application/json", "x-api-key": HEYGEN_API_KEY}

VIEWER = """
<div id="v"></div>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<script>
  const room = new LivekitClient.Room();
  room.on(LivekitClient.RoomEvent.TrackSubscribed, (track) => {{
    document.getElementById("v").appendChild(track.attach());
  }});
  room.connect("{url}", "{token}");
</script>
"""


def new_session():
    resp = requests.post(
        f"{SERVER_URL}/v1/streaming.new",
        json={"quality": "low", "avatar_id": AVATAR_ID, "version": "v2", "video_encoding": "H264"},
        headers=H_HEYGEN,
    )
    return resp.json()["data"]


def start_session(session_id):
    resp = requests.post(f"{SERVER_URL}/v1/streaming.start", json={"session_id": session_id}, headers=H_HEYGEN)
    return resp.json()


def send_task(session_id, text):
    resp = requests.post(
        f"{SERVER_URL}/v1/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        headers=H_HEYGEN,
    )
    return resp.json()


if "session_id" not in st.session_state:
    if st.button("Start session"):
        data = new_session()
        st.session_state["session_id"] = data["session_id"]
        start_session(data["session_id"])
        st.session_state["livekit"] = {"url": data["url"], "token": data["access_token"]}
        st.success("Session started")
    else:
        st.write("Press start to open a session")
else:
    sid = st.session_state["session_id"]
    room = st.session_state["livekit"]
    st.html(VIEWER.format(url=room["url"], token=room["token"]), height=480)

    message = st.text_input("Say", key="message")
    if st.button("Speak") and message:
        result = send_task(sid, message)
        if result.get("code") != 100:
            st.error(f"Task failed: {result}")

    if st.button("Keep alive"):
        requests.post(f"{SERVER_URL}/v1/streaming.keep_alive", json={"session_id": sid}, headers=H_HEYGEN)

    if st.button("Interrupt"):
        requests.post(f"{SERVER_URL}/v1/streaming.interrupt", json={"session_id": sid}, headers=H_HEYGEN)

    if st.button("Stop session"):
        r = requests.post(f"{SERVER_URL}/v1/streaming.stop", json={"session_id": sid}, headers=H_HEYGEN)
        st.write("Stopped:", r.json().get("message"))
        del st.session_state["session_id"]
        del st.session_state["livekit"]
