import csv
import os
import tempfile

os.environ["ROOMS_CSV"] = os.path.join(tempfile.mkdtemp(), "rooms.csv")

import e2e_support
from webinar import actors

actors.open_room.send(os.environ["WEBINAR_AVATAR"], os.environ["WEBINAR_KB"], "main-stage")
with open(os.environ["ROOMS_CSV"], newline="") as fh:
    rows = {row["room"]: row for row in csv.DictReader(fh)}
e2e_support.viewer.join(rows["main-stage"]["livekit_url"], rows["main-stage"]["viewer_token"])

actors.host_says.send("main-stage", "Welcome to the spring webinar.", "repeat")
actors.host_says.send("main-stage", "What is on the agenda today?")
assert actors.keep_rooms_alive.send() == 1
actors.close_room.send("main-stage")
with open(os.environ["ROOMS_CSV"], newline="") as fh:
    assert list(csv.DictReader(fh)) == []
