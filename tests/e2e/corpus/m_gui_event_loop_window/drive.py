"""The operator clicks through the panel; the room it shows goes to the OBS browser source."""

import avatar_gui
import e2e_support
import sg


def obs_browser_source(key, value):
    if key == "-ROOM-":
        e2e_support.viewer.join(*value)


sg.on_update = obs_browser_source
sg.SCRIPT[:] = [
    ("Open", {"-TEXT-": ""}),
    ("Say", {"-TEXT-": "Good evening and welcome to the stream."}),
    ("Ask", {"-TEXT-": "What is on the schedule tonight?"}),
    ("Stop talking", {"-TEXT-": ""}),
    ("Close", {"-TEXT-": ""}),
]
avatar_gui.main()
errors = [text for key, text in sg.shown if key == "popup_error"]
assert not errors, errors
assert avatar_gui.state["spoken"] == 2
