import streamlit as st
import streamlit.components.v1 as components

from avatar_client import AvatarClient

st.set_page_config(page_title="Avatar picker")
st.title("Pick an avatar and make it talk")

if "client" not in st.session_state:
    st.session_state.client = AvatarClient(st.secrets["HEYGEN_API_KEY"])
client: AvatarClient = st.session_state.client


@st.cache_data(ttl=3600)
def avatar_options():
    return {a["avatar_id"]: a.get("pose_name") or a["avatar_id"] for a in client.avatars()}


options = avatar_options()
choice = st.radio("Avatar", list(options), key="avatar", format_func=lambda k: options[k])

if client.session_id is None:
    if st.button("Start", key="start"):
        with st.spinner("Starting..."):
            client.open(choice)
else:
    st.success(f"Session {client.session_id}")
    components.html(
        f'<script>new LivekitClient.Room().connect("{client.room["url"]}", "{client.room["token"]}")</script>',
        height=400,
    )
    text = st.text_area("Script", key="script")
    if st.button("Speak", key="speak") and text:
        client.speak(text)
    if st.button("Stop", key="stop"):
        client.close()
