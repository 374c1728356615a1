"""The voice pipeline: TTS produces PCM, the bridge lip-syncs it; the user barges in once."""

import time

import e2e_support
from lipsync_bridge import LipsyncBridge

bridge = LipsyncBridge()
url, token = bridge.start()
e2e_support.viewer.join(url, token)
bridge.say_pcm(e2e_support.audio_chunk(1500, seed=1))
bridge.say_pcm(e2e_support.audio_chunk(700, seed=2))
bridge.barge_in()
time.sleep(0.5)  # the call ends a moment later
bridge.stop()
