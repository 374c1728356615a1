"""Tiny audio helpers: test tones and chunking for the realtime socket (PCM16 mono)."""
import base64
import math
import struct


def synth_tone(seconds, freq=440.0, rate=24000, volume=0.3):
    frames = int(seconds * rate)
    return b"".join(
        struct.pack("<h", int(volume * 32767 * math.sin(2 * math.pi * freq * n / rate)))
        for n in range(frames)
    )


def pcm_chunks(pcm, rate=24000, ms=100):
    step = rate * 2 * ms // 1000
    for start in range(0, len(pcm), step):
        yield base64.b64encode(pcm[start : start + step]).decode("ascii")
