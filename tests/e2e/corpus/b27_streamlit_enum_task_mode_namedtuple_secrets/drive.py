"""A visitor: start the guide, join the player, a repeat, a question, interrupt, end."""

import re
import runpy

import e2e_support
import streamlit as st


def rerun(clicked=(), **inputs):
    st.clicked = set(clicked)
    st.inputs = dict(inputs)
    st.output.clear()
    runpy.run_path("app.py", run_name="__main__")


rerun()
rerun(clicked={"start"})
player = next(body for kind, body in st.output if kind == "html")
url, token = re.search(r"room\.connect\('([^']*)', '([^']*)'\)", player).groups()
e2e_support.viewer.join(url, token)
rerun(clicked={"send"}, mode="Repeat", text="Welcome to the east wing.")
rerun(clicked={"send"}, mode="Chat", text="Who painted the ceiling?")
rerun(clicked={"hush"})
rerun(clicked={"end"})
assert "live" not in st.session_state
