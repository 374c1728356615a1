"""Our TTS vendor (ElevenLabs-compatible). Offline stub: deterministic PCM16 24 kHz mono."""
import hashlib

SAMPLE_RATE = 24000


def synthesize(text, ms_per_char=12):
    n = max(1, len(text)) * ms_per_char * SAMPLE_RATE // 1000
    seed = hashlib.sha256(text.encode()).digest()
    return bytes(seed[i % len(seed)] for i in range(n * 2))
