"""Our own TTS (stubbed offline): text in, 24 kHz PCM16 mono out, in 100 ms frames."""
import hashlib

FRAME_BYTES = 4800  # 100 ms of 24 kHz PCM16 mono


def synthesize(text: str) -> bytes:
    seed = hashlib.sha256(text.encode()).digest()
    length = FRAME_BYTES * max(2, len(text) // 8)
    return (seed * (length // len(seed) + 1))[:length]


def frames(pcm: bytes):
    for start in range(0, len(pcm), FRAME_BYTES):
        yield pcm[start : start + FRAME_BYTES]
