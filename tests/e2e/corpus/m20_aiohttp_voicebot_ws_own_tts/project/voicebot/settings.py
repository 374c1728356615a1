import os

# which face to use for the bot: "heygen" or "none" (audio only, for the phone line)
AVATAR_PROVIDER = os.environ.get("AVATAR_PROVIDER", "heygen")

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
HEYGEN_SERVER = "https://api.heygen.com"
HEYGEN_AVATAR = os.environ.get("VOICEBOT_AVATAR", "")
HEYGEN_QUALITY = os.environ.get("VOICEBOT_QUALITY", "medium")

SAMPLE_RATE = 24000  # what our TTS produces (pcm_s16le mono)
CHUNK_BYTES = 32000  # ~0.66 s per websocket message, heygen closes the socket on huge frames
KEEPALIVE_INTERVAL = 90
