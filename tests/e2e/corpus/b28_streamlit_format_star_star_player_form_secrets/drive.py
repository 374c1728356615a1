"""A presenter on the page: start, watch, submit a two-paragraph script, interrupt, end."""

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
rerun(clicked={"start"}, quality="low")
rerun()
player = next(body for kind, body in st.output if kind == "html")
url, token = re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', player).groups()
e2e_support.viewer.join(url, token)
rerun(clicked={"Say it"}, script_text="Good morning, everyone.\n\nToday we look at the roadmap.")
rerun(clicked={"interrupt"})
rerun(clicked={"end"})
assert st.session_state["session"] is None
