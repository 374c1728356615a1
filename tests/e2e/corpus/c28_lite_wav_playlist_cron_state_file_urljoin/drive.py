import json
import os
import tempfile
import wave

import e2e_support

workdir = tempfile.mkdtemp()
os.environ["ANNOUNCER_STATE"] = os.path.join(workdir, "state.json")

from announcer import cli  # noqa: E402


def write_wav(name: str, ms: int) -> str:
    path = os.path.join(workdir, name)
    with wave.open(path, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(24000)
        out.writeframes(e2e_support.audio_chunk(ms=ms))
    return path


assert cli.main(["open", "--avatar", os.environ["ANNOUNCER_AVATAR"]]) == 0
with open(os.environ["ANNOUNCER_STATE"]) as fh:
    state = json.load(fh)
e2e_support.viewer.join(state["viewer_url"], state["viewer_token"])
assert cli.main(["play", write_wav("platform.wav", 2600), write_wav("delay.wav", 900)]) == 0
assert cli.main(["ping"]) == 0
assert cli.main(["close"]) == 0
assert not os.path.exists(os.environ["ANNOUNCER_STATE"])
