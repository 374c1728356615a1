"""Click through the Streamlit page: every interaction reruns the script top to bottom."""

import re
import runpy

import e2e_support
import st_shim as st


def rerun(clicked=(), **inputs):
    st.clicked = set(clicked)
    st.inputs = dict(inputs)
    st.output.clear()
    runpy.run_path("app.py", run_name="__main__")
    errors = [text for kind, text in st.output if kind == "error"]
    assert not errors, errors


rerun()  # first page load
rerun(clicked={"start"})
env_block = next(text for kind, text in st.output if kind == "code")
url = re.search(r"LIVEKIT_URL=(\S+)", env_block).group(1)
token = re.search(r"LIVEKIT_TOKEN=(\S+)", env_block).group(1)
e2e_support.viewer.join(url, token)  # the viewer component connects
rerun(msg="Welcome to the dashboard!", mode="say", clicked={"send"})
rerun(msg="What are your opening hours?", mode="ask", clicked={"send"})
rerun(clicked={"interrupt"})
rerun(clicked={"stop"})
assert st.session_state.session is None
assert [mode for mode, _, _ in st.session_state.log] == ["say", "ask"]
