import os

import heygen

RECAP_AVATAR = "Daisy-inskirt-20220818"


def run(lines):
    voices = heygen.list_voices()
    recap = heygen.render(RECAP_AVATAR, voices[0]["voice_id"], "Yesterday in review.")
    live = heygen.go_live(os.environ["ANNOUNCER_AVATAR"])
    for i, line in enumerate(lines):
        if i == 1:
            heygen.cut(live["session_id"])
        heygen.announce(live["session_id"], line)
    return recap, live


def stop(live):
    heygen.off_air(live["session_id"])
