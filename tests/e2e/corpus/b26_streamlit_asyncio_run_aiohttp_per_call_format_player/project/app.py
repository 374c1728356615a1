import asyncio

import streamlit as st
import streamlit.components.v1 as components

from heygen_stream import HeyGenStreamer

PLAYER = """
<div id="stage"></div>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<script>
  const room = new LivekitClient.Room({{ adaptiveStream: true }});
  room.connect("{url}", "{token}").then(() => {{ console.log("connected"); }});
</script>
"""

st.set_page_config(page_title="Avatar")
st.title("Talk to the avatar")

streamer = HeyGenStreamer(st.secrets["HEYGEN_API_KEY"])
state = st.session_state
state.setdefault("sid", None)
state.setdefault("room", None)

if st.button("Start", key="start") and state.sid is None:
    with st.spinner("Starting avatar..."):
        info = asyncio.run(streamer.create_and_start(st.secrets["AVATAR_ID"]))
    state.sid = info["session_id"]
    state.room = {"url": info["url"], "token": info["access_token"]}

if state.room:
    components.html(PLAYER.format(url=state.room["url"], token=state.room["token"]), height=480)

text = st.text_input("Say something", key="text")
if st.button("Say", key="say") and state.sid and text:
    asyncio.run(streamer.speak(state.sid, text))
    st.success("sent")

if st.button("Keep alive", key="ping") and state.sid:
    asyncio.run(streamer.keep_alive(state.sid))

if st.button("Stop", key="stop") and state.sid:
    asyncio.run(streamer.stop(state.sid))
    state.sid = None
    state.room = None
    st.info("stopped")
