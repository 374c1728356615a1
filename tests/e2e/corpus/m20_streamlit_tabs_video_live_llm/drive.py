"""Click through the studio: each interaction reruns the script top to bottom."""

import re
import runpy

import e2e_support
import streamlit as st


def rerun(clicked=(), **inputs):
    st.clicked = set(clicked)
    st.inputs = dict(inputs)
    st.output.clear()
    runpy.run_path("app.py", run_name="__main__")
    errors = [text for kind, text in st.output if kind == "error"]
    assert not errors, errors


rerun()  # first load: voices in the sidebar
rerun(script="Quarterly results in one minute.", clicked={"generate"})
rerun(clicked={"status"})
assert any(kind == "video" for kind, _ in st.output), st.output
rerun(clicked={"start"})
page = next(body for kind, body in st.output if kind == "html")
url, token = re.search(r'room\.connect\("([^"]+)", "([^"]+)"\)', page).groups()
e2e_support.viewer.join(url, token)  # the component's livekit-client joins
rerun(prompt="What is this studio for?", clicked={"send"})
rerun(prompt="Thanks!", use_llm=False, clicked={"send"})
rerun(clicked={"stop"})
assert st.session_state.live is None
