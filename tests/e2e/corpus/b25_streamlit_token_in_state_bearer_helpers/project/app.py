import os

import streamlit as st
import streamlit.components.v1 as components

import heygen_api

st.set_page_config(page_title="Announcer")
st.title("Announcer")

state = st.session_state
state.setdefault("token", None)
state.setdefault("session", None)

if state["token"] is None:
    state["token"] = heygen_api.get_token(os.environ["HEYGEN_API_KEY"])

if state["session"] is None:
    if st.button("Connect", key="connect"):
        info = heygen_api.new_session(state["token"], os.environ["ANNOUNCER_AVATAR"])
        heygen_api.start_session(state["token"], info["session_id"])
        state["session"] = info
else:
    info = state["session"]
    components.html(
        "<script>const room = new LivekitClient.Room();"
        f"room.connect('{info['url']}', '{info['access_token']}');</script>",
        height=360,
    )
    line = st.text_input("Announcement", key="line")
    if st.button("Announce", key="announce") and line:
        heygen_api.send_task(state["token"], info["session_id"], line)
    if st.button("Disconnect", key="disconnect"):
        heygen_api.stop_session(state["token"], info["session_id"])
        state["session"] = None
