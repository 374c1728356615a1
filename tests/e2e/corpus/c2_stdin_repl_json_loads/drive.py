"""A person typing into `python talk.py`, with the printed room opened in a browser."""

import io

import e2e_support
import talk

LINES = [
    "/say Hello, I am the museum guide.",
    "Which painting is the oldest here?",
    "/interrupt",
    "/quit",
]
typed = io.StringIO("".join(line + "\n" for line in LINES))
rc = talk.main(stdin=typed, on_room=e2e_support.viewer.join)
assert rc == 0
