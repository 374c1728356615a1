"""Click through the page: every interaction reruns the script top to bottom."""

import json
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


rerun()  # first page load
rerun(clicked={"start"})
player = next(body for kind, body in st.output if kind == "html")
session = json.loads(re.search(r"const SESSION = (\{.*?\});\n", player).group(1))
e2e_support.viewer.join(session["url"], session["access_token"])  # the player's script
rerun(text="Hello! Welcome to the demo.", clicked={"speak"})
rerun(text="Streamlit reruns me on every click.", clicked={"speak"})
rerun(clicked={"stop"})
assert st.session_state.session is None
