#!/usr/bin/env python3
"""Push-to-talk loop: record -> transcribe -> avatar answers from the knowledge base."""
import os
import sys

from hgvoice import HeygenClient, HeygenError, transcribe

AVATAR = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
STOP_WORDS = ("bye", "quit", "exit")


def run(mic_chunks, on_room=print):
    client = HeygenClient()
    info = client.connect(AVATAR)
    on_room((info["url"], info["access_token"]))
    turns = 0
    for chunk in mic_chunks:
        text = transcribe(chunk)
        if not text:
            continue
        if text.lower() in STOP_WORDS:
            break
        if text.lower() == "stop":
            client.interrupt()
            continue
        try:
            client.talk(text)
            turns += 1
        except HeygenError as e:
            print("talk failed:", e, file=sys.stderr)
    client.close()
    return turns


if __name__ == "__main__":
    run(iter(sys.stdin.readline, ""))
