"""A rehearsal: the script's own parser, then the cues played fast, the screen joining."""

import os

import e2e_support
import srt_avatar

with open("welcome.srt", encoding="utf-8") as fh:
    cues = srt_avatar.parse_srt(fh.read())
assert [c.index for c in cues] == [1, 2, 3], cues
assert (
    srt_avatar.play(cues, os.environ["SRT_AVATAR_ID"], speed=20.0, on_ready=e2e_support.viewer.join)
    == 3
)
