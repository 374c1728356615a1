"""Run the notebook, then use its widgets: Start, the viewer's script connects, two lines, Stop."""

import re

import e2e_support

nb = e2e_support.run_notebook("avatar_playground.ipynb")
nb["start_button"].click()
url = re.search(r'data-url="([^"]*)"', nb["viewer"].value).group(1)
token = re.search(r'data-token="([^"]*)"', nb["viewer"].value).group(1)
e2e_support.viewer.join(url, token)
for text in ["Hello from the notebook!", "Widgets make demos easy."]:
    nb["line"].value = text
    nb["say_button"].click()
    assert nb["line"].value == ""
nb["stop_button"].click()
assert nb["session"] is None and nb["viewer"].value == ""
