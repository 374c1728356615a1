import streamlit as st
import streamlit.components.v1 as components

from lib.chat import ask_llm
from lib.heygen_client import HeyGenClient

st.set_page_config(page_title="Avatar Studio", layout="wide")
st.title("Avatar Studio")

API_KEY = st.secrets["HEYGEN_API_KEY"]
AVATAR_ID = st.secrets.get("AVATAR_ID", "Anna_public_3_20240108")

if "client" not in st.session_state:
    st.session_state.client = HeyGenClient(API_KEY)
if "live" not in st.session_state:
    st.session_state.live = None  # streaming.new response
if "history" not in st.session_state:
    st.session_state.history = []

client = st.session_state.client

with st.sidebar:
    st.header("Settings")
    voices = st.session_state.get("voices")
    if voices is None:
        voices = st.session_state["voices"] = client.voices()
    voice_id = st.selectbox("Voice", [v["voice_id"] for v in voices], key="voice")
    use_llm = st.checkbox("Answer with the LLM", value=True, key="use_llm")

video_tab, live_tab = st.tabs(["Video", "Live"])

with video_tab:
    script = st.text_area("Script", key="script")
    if st.button("Generate video", key="generate") and script:
        with st.spinner("Rendering..."):
            vid = client.create_video(AVATAR_ID, voice_id, script)
        st.session_state["video_id"] = vid
        st.success(f"Video {vid} queued")
    if st.session_state.get("video_id") and st.button("Check status", key="status"):
        status = client.video_status(st.session_state["video_id"])
        st.json(status)
        if status.get("status") == "completed":
            st.video(status["video_url"])

with live_tab:
    col1, col2 = st.columns(2)
    with col1:
        if st.button("Start live avatar", key="start") and st.session_state.live is None:
            res = client.new_session(AVATAR_ID)
            client.start_session(res["data"]["session_id"])
            st.session_state.live = res
            st.success("Avatar is live")
    with col2:
        if st.button("End session", key="stop") and st.session_state.live is not None:
            client.stop_session(st.session_state.live["data"]["session_id"])
            st.session_state.live = None
            st.session_state.history = []
            st.info("Session closed")

    if st.session_state.live is not None:
        live = st.session_state.live["data"]
        components.html(
            f"""
            <div id="avatar"></div>
            <script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
            <script>
              const room = new LivekitClient.Room();
              room.connect("{live['url']}", "{live['access_token']}");
            </script>
            """,
            height=420,
        )
        prompt = st.text_input("Say or ask something", key="prompt")
        if st.button("Send", key="send") and prompt:
            if use_llm:
                reply = ask_llm(prompt, st.session_state.history)
                st.session_state.history += [{"role": "user", "content": prompt},
                                             {"role": "assistant", "content": reply}]
            else:
                reply = prompt
            client.send_text(live["session_id"], reply)
            st.write(reply)
