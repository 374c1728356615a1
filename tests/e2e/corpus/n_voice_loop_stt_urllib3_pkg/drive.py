"""The user speaks into the microphone (recorded chunks); the browser shows the room."""

import e2e_support
import voice_chat


def show_room(room):
    url, token = room
    e2e_support.viewer.join(url, token)  # the browser page


mic = [
    b"  ",
    b"Hello, who are you?",
    b"stop",
    b"What do you know about our products?",
    b"bye",
    b"ignored",
]
turns = voice_chat.run(mic, on_room=show_room)
assert turns == 2, turns
