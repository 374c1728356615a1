import streamlit as st
import streamlit.components.v1 as components

import avatar_client

st.set_page_config(page_title="Presenter", layout="centered")
st.title("Presenter avatar")

avatar_client.configure(st.secrets["HEYGEN_API_KEY"])

AVATARS = {
    "Anna (office)": st.secrets.get("ANNA_AVATAR_ID", "Anna_public_3_20240108"),
    "Wayne": "Wayne_20240711",
}

# doubled braces: this is a str.format template
PLAYER = """
<video id="v" autoplay playsinline style="width:100%"></video>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<script>
  const room = new LivekitClient.Room({{ adaptiveStream: true }});
  room.on(LivekitClient.RoomEvent.TrackSubscribed, (t) => {{ t.attach(document.getElementById("v")); }});
  room.connect("{url}", "{access_token}");  // session {session_id}
</script>
"""

if "session" not in st.session_state:
    st.session_state.session = None
    st.session_state.said = []

with st.sidebar:
    who = st.selectbox("Avatar", list(AVATARS), key="who")
    quality = st.radio("Quality", ["low", "medium", "high"], index=1, key="quality", horizontal=True)

if st.session_state.session is None:
    if st.button("Start presenter", key="start"):
        try:
            st.session_state.session = avatar_client.open_session(AVATARS[who], quality=quality)
        except avatar_client.AvatarError as exc:
            st.error(f"Could not start: {exc}")
else:
    sess = st.session_state.session
    components.html(PLAYER.format(**sess), height=420)
    st.caption(f"session {sess['session_id']}")

    with st.form("script", clear_on_submit=True):
        text = st.text_area("Script", key="script_text")
        if st.form_submit_button("Say it") and text.strip():
            for paragraph in [p.strip() for p in text.split("\n\n") if p.strip()]:
                avatar_client.say(sess["session_id"], paragraph)
                st.session_state.said.append(paragraph)

    c1, c2 = st.columns(2)
    with c1:
        if st.button("Interrupt", key="interrupt"):
            avatar_client.interrupt(sess["session_id"])
    with c2:
        if st.button("End session", key="end"):
            avatar_client.close(sess["session_id"])
            st.session_state.session = None
            st.success("Session closed")

    for line in st.session_state.said:
        st.write(line)
