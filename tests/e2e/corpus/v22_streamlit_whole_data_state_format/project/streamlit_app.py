import functools

import requests

import st_shim as st

st.title("HeyGen Streaming Avatar demo")

HEYGEN_API_KEY = st.secrets["heygen"]["heygen_api_key"]
AVATAR_ID = st.secrets["heygen"].get("avatar_id", "Anna_public_3_20240108")
SERVER_URL = "https://api.heygen.com"



@functools.lru_cache(maxsize=1)
def http():
    s = requests.Session()
    s.headers.update({"accept": "application/json", "x-api-key": HEYGEN_API_KEY})
    return s


VIEWER = """
<div id="v"></div>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<script>
  const room = new LivekitClient.Room();
  room.on(LivekitClient.RoomEvent.TrackSubscribed, (track) => {{
    document.getElementById("v").appendChild(track.attach());
  }});
  room.connect("{url}", "{access_token}");
</script>
"""


def new_session():
    resp = http().post(
        f"{SERVER_URL}/v1/streaming.new",
        json={"quality": "low", "avatar_id": AVATAR_ID, "version": "v2", "video_encoding": "H264"},
    )
    return resp.json()["data"]


def start_session(session_id):
    resp = http().post(f"{SERVER_URL}/v1/streaming.start", json={"session_id": session_id})
    return resp.json()


def send_task(session_id, text):
    resp = http().post(
        f"{SERVER_URL}/v1/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
    )
    return resp.json()


if "session_id" not in st.session_state:
    if st.button("Start session"):
        data = new_session()
        st.session_state["session_id"] = data["session_id"]
        start_session(data["session_id"])
        st.session_state["session"] = data
        st.session_state["livekit"] = dict(url=data["url"], token=data["access_token"])
        st.success("Session started")
    else:
        st.write("Press start to open a session")
else:
    sid = st.session_state["session_id"]
    st.html(VIEWER.format(**st.session_state["session"]), height=480)

    message = st.text_input("Say", key="message")
    if st.button("Speak") and message:
        result = send_task(sid, message)
        if result.get("code") != 100:
            st.error(f"Task failed: {result}")

    if st.button("Keep alive"):
        http().post(f"{SERVER_URL}/v1/streaming.keep_alive", json={"session_id": sid})

    if st.button("Interrupt"):
        http().post(f"{SERVER_URL}/v1/streaming.interrupt", json={"session_id": sid})

    if st.button("Stop session"):
        r = http().post(f"{SERVER_URL}/v1/streaming.stop", json={"session_id": sid})
        st.write("Stopped:", r.json().get("message"))
        del st.session_state["session_id"]
        del st.session_state["session"]
        del st.session_state["livekit"]
