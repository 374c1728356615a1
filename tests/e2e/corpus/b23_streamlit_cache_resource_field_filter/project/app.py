"""Streamlit page: pick an avatar, start it, type lines for it to say."""
import os
import string

import streamlit as st
import streamlit.components.v1 as components

from heygen_live import HeyGenStreaming, SessionIncomplete

st.set_page_config(page_title="Avatar studio", layout="wide")

AVATARS = {
    "Anna (office)": os.environ.get("AVATAR_ANNA", "Anna_public_3_20240108"),
    "Wayne": os.environ.get("AVATAR_WAYNE", "Wayne_20240711"),
}
# only these go to the browser (the session payload has more in it)
ROOM_FIELDS = {"session_id", "url", "access_token"}

PLAYER = string.Template(
    """
<div id="stage"></div>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<script>
  const room = new LivekitClient.Room();
  room.on(LivekitClient.RoomEvent.TrackSubscribed, (track) => {
    document.getElementById("stage").appendChild(track.attach());
  });
  room.connect("$url", "$access_token");
</script>
"""
)


@st.cache_resource
def get_client():
    return HeyGenStreaming(st.secrets["HEYGEN_API_KEY"])


client = get_client()
if "room" not in st.session_state:
    st.session_state.room = None

st.title("Avatar studio")
with st.sidebar:
    choice = st.selectbox("Avatar", list(AVATARS), key="avatar")
    quality = st.selectbox("Quality", ["low", "medium", "high"], key="quality")

room = st.session_state.room
if room is None:
    if st.button("Start session", key="start"):
        with st.spinner("Starting the avatar..."):
            try:
                data = client.open(AVATARS[choice], quality=quality)
            except SessionIncomplete as exc:
                st.error(str(exc))
            else:
                room = {k: v for k, v in data.items() if k in ROOM_FIELDS}
                st.session_state.room = room
                st.success(f"Session {room['session_id']} is live")

if room is not None:
    components.html(PLAYER.substitute(room), height=420)
    line = st.text_input("Say something", key="line")
    if st.button("Say", key="say") and line.strip():
        client.say(room["session_id"], line.strip())
    if st.button("Interrupt", key="interrupt"):
        client.interrupt(room["session_id"])
    if st.button("End session", key="stop"):
        client.close(room["session_id"])
        st.session_state.room = None
        st.info("Session closed")
