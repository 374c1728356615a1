"""The demo page: opens the room for the audience, then lets the crew present."""

import json

import e2e_support
import presenter_crew


def show_room(room: str) -> None:
    info = json.loads(room)
    e2e_support.viewer.join(info["url"], info["token"])


outputs = presenter_crew.run(
    "the Aurora desk lamp", "How long does the battery last?", on_room=show_room
)
assert outputs[-1] == "closed", outputs
assert json.loads(outputs[0])["url"], outputs
assert outputs[1].startswith("said it"), outputs
assert outputs[2].startswith("answering"), outputs
