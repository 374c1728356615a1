"""Speech stand-ins: the production line uses a cloud TTS and a streaming ASR."""
import hashlib
import math
import struct

RATE = 24000


def tts(text):
    """PCM16 mono 24 kHz: one tone per utterance, 30 ms per character."""
    pitch = 180 + int(hashlib.sha1(text.encode()).hexdigest()[:2], 16)
    n = int(RATE * 0.03 * max(len(text), 12))
    return b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * pitch * i / RATE))) for i in range(n))


def asr(utterance):
    return utterance.lower().strip(" ?!.")
