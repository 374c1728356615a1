"""Click through the Streamlit page: every interaction reruns the script top to bottom."""

import runpy

import e2e_support
import st_shim as st


def rerun(clicked=(), **inputs):
    st.clicked = set(clicked)
    st.inputs = dict(inputs)
    runpy.run_path("streamlit_app.py", run_name="__main__")


rerun()  # first page load
rerun(clicked={"Start session"})
room = st.session_state["livekit"]
e2e_support.viewer.join(room["url"], room["token"])  # the components.html iframe connects
rerun(clicked={"Speak"}, message="Hello from Streamlit!")
rerun(clicked={"Speak"}, message="This avatar runs inside a dashboard.")
rerun(clicked={"Keep alive"})
rerun(clicked={"Interrupt"})
rerun(clicked={"Stop session"})
assert "session_id" not in st.session_state
