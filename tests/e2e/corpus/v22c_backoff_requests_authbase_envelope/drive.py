"""A narration job using the resilient avatar wrapper."""

import os

import e2e_support
from avatar import StreamingAvatar

with StreamingAvatar(os.environ["AVATAR_ID"]) as avatar:
    url, token = avatar.room
    e2e_support.viewer.join(url, token)
    first = avatar.say("Chapter one. The lighthouse keeper woke before dawn.")
    assert isinstance(first, str) and first
    avatar.interrupt()
    avatar.say("Let me start that again, more slowly.")
assert avatar.session_id is None
