"""The morning run: announcements piped in, the signage screen shows the room."""

import announcer
import e2e_support

rooms = []


def show(room):
    rooms.append(room)
    e2e_support.viewer.join(room.url, room.token)


n = announcer.run(
    ["Good morning, everyone.", "", "The cafeteria opens at eight today.", "Have a great day."],
    on_room=show,
)
assert n == 3, n
assert len(rooms) == 1 and rooms[0].session_id
