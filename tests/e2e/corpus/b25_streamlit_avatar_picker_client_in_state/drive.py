"""Someone on the page: pick the first avatar, start, speak twice, stop."""

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


rerun()
rerun(clicked={"start"})
rerun()
player = next(body for kind, body in st.output if kind == "html")
url, token = re.search(r'connect\("([^"]*)", "([^"]*)"\)', player).groups()
e2e_support.viewer.join(url, token)
rerun(clicked={"speak"}, script="Hello from the avatar picker.")
rerun(clicked={"speak"}, script="This avatar was chosen from the list.")
rerun(clicked={"stop"})
assert st.session_state.client.session_id is None
