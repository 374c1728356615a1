"""Pub-quiz host: reads the questions, then closes the stream."""
import os

import stream

QUESTIONS = [
    "Question one: which planet has the shortest day?",
    "Question two: how many strings does a standard cello have?",
]


def host(on_air):
    room = stream.open_room(os.environ["QUIZ_AVATAR_ID"])
    on_air(room.url, room.access_token)
    try:
        for q in QUESTIONS:
            stream.say(room, q)
    finally:
        stream.close(room)
