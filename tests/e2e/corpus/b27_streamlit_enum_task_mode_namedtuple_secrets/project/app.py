import streamlit as st
import streamlit.components.v1 as components

from avatarkit import AvatarClient, TaskType

st.title("Museum guide")

if "client" not in st.session_state:
    st.session_state.client = AvatarClient(st.secrets["HEYGEN_API_KEY"])
client = st.session_state.client
live = st.session_state.get("live")

with st.sidebar:
    if live is None and st.button("Start guide", key="start", type="primary"):
        live = st.session_state.live = client.open(st.secrets["GUIDE_AVATAR"], st.secrets["GUIDE_KB"])
        st.toast("guide is live")
    if live is not None and st.button("End tour", key="end"):
        client.close(live)
        del st.session_state.live
        live = None

if live is not None:
    components.html(
        f"""<script type="module">
        import {{ Room }} from "https://esm.sh/livekit-client";
        const room = new Room();
        await room.connect({live.server_url!r}, {live.client_token!r});
        </script>""",
        height=400,
    )
    mode = st.radio("Mode", list(TaskType), key="mode", format_func=lambda t: t.name.title(), horizontal=True)
    text = st.text_area("Say or ask", key="text")
    if st.button("Send", key="send") and text.strip():
        client.send(live, text.strip(), mode)
    if st.button("Stop talking", key="hush"):
        client.interrupt(live)
else:
    st.write("Press **Start guide** in the sidebar.")
