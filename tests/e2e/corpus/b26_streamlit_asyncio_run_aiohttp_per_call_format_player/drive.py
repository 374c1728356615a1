"""A visitor on the page: every interaction reruns the script top to bottom."""

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
player = next(body for kind, body in st.output if kind == "html")
url, token = re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', player).groups()
e2e_support.viewer.join(url, token)
rerun(clicked={"say"}, text="Hello from Streamlit!")
rerun(clicked={"ping"})
rerun(clicked={"say"}, text="Goodbye.")
rerun(clicked={"stop"})
assert st.session_state["sid"] is None
