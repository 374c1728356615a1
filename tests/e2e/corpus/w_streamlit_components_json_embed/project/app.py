"""Streamlit demo of a HeyGen interactive avatar.

    streamlit run app.py
"""
import json
import os

import requests
import streamlit as st
import streamlit.components.v1 as components

st.set_page_config(page_title="Avatar demo", layout="wide")
st.title("Interactive avatar")

API = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": st.secrets["HEYGEN_API_KEY"], "content-type": "application/json"}
AVATAR_ID = os.getenv("AVATAR_ID", "Wayne_20240711")

# LiveKit in the browser; the session dict is pasted into the script as JSON
PLAYER = """
<video id="v" autoplay playsinline style="width:100%;border-radius:12px"></video>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<script>
const SESSION = %SESSION%;
const room = new LivekitClient.Room();
room.on(LivekitClient.RoomEvent.TrackSubscribed, (track) => {
  if (track.kind === "video") track.attach(document.getElementById("v"));
});
room.connect(SESSION.url, SESSION.access_token);
</script>
"""

if "session" not in st.session_state:
    st.session_state.session = None

col1, col2 = st.columns(2)
with col1:
    if st.button("Start session", key="start") and st.session_state.session is None:
        res = requests.post(
            f"{API}/streaming.new",
            headers=HEADERS,
            json={"avatar_id": AVATAR_ID, "quality": "medium", "version": "v2"},
        )
        if res.ok:
            data = res.json()["data"]
            requests.post(f"{API}/streaming.start", headers=HEADERS, json={"session_id": data["session_id"]})
            st.session_state.session = data
            st.success("Session started")
        else:
            st.error(f"Could not start: {res.text}")
with col2:
    if st.button("End session", key="stop") and st.session_state.session:
        requests.post(
            f"{API}/streaming.stop", headers=HEADERS, json={"session_id": st.session_state.session["session_id"]}
        )
        st.session_state.session = None
        st.info("Session ended")

if st.session_state.session:
    components.html(PLAYER.replace("%SESSION%", json.dumps(st.session_state.session)), height=420)
    text = st.text_input("Make the avatar say", key="text")
    if st.button("Speak", key="speak") and text:
        requests.post(
            f"{API}/streaming.task",
            headers=HEADERS,
            json={"session_id": st.session_state.session["session_id"], "text": text, "task_type": "repeat"},
        )
