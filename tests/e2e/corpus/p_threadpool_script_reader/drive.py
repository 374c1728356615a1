"""The show's control app reads the script; the stream output joins the room."""

import e2e_support
from reader.run import read_script

n, total_ms = read_script("script.txt", on_room=e2e_support.viewer.join)
assert n == 3, n
assert total_ms >= 0
