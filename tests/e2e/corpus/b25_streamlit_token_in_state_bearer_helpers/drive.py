"""The announcer's page: connect, announce twice, disconnect."""

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
rerun(clicked={"connect"})
rerun()
player = next(body for kind, body in st.output if kind == "html")
url, token = re.search(r"room\.connect\('([^']*)', '([^']*)'\)", player).groups()
e2e_support.viewer.join(url, token)
rerun(clicked={"announce"}, line="The store closes in ten minutes.")
rerun(clicked={"announce"}, line="Please proceed to the checkout.")
rerun(clicked={"disconnect"})
assert st.session_state["session"] is None
