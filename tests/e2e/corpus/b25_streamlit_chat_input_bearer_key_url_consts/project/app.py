import os

import streamlit as st
import streamlit.components.v1 as components

import heygen_utils as hg

st.set_page_config(page_title="Ask the avatar", layout="wide")
st.title("Ask the avatar")

if "avatar" not in st.session_state:
    st.session_state["avatar"] = None
if "messages" not in st.session_state:
    st.session_state["messages"] = []

PLAYER = """
<div id="player"></div>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<script>
  const room = new LivekitClient.Room();
  room.connect("{url}", "{token}");
</script>
"""

col_start, col_stop = st.columns(2)
with col_start:
    if st.button("Start avatar", key="start", disabled=st.session_state["avatar"] is not None):
        with st.spinner("Connecting..."):
            info = hg.create_session(os.getenv("HEYGEN_AVATAR_ID"), os.getenv("HEYGEN_KB_ID"))
            hg.start_session(info["session_id"])
        st.session_state["avatar"] = {
            "session_id": info["session_id"],
            "url": info["url"],
            "token": info["access_token"],
        }
with col_stop:
    if st.button("Stop avatar", key="stop") and st.session_state["avatar"]:
        hg.close_session(st.session_state["avatar"]["session_id"])
        st.session_state["avatar"] = None
        st.session_state["messages"] = []

avatar = st.session_state["avatar"]
if avatar:
    components.html(PLAYER.replace("{url}", avatar["url"]).replace("{token}", avatar["token"]), height=480)
    repeat_mode = st.toggle("Repeat exactly what I type", key="repeat")
    if st.button("Interrupt", key="interrupt"):
        hg.interrupt(avatar["session_id"])
    for message in st.session_state["messages"]:
        with st.chat_message(message["role"]):
            st.write(message["text"])
    prompt = st.chat_input("Ask something...")
    if prompt:
        st.session_state["messages"].append({"role": "user", "text": prompt})
        hg.send_text(avatar["session_id"], prompt, task_type="repeat" if repeat_mode else "talk")
else:
    st.info("Press *Start avatar* to begin.")
