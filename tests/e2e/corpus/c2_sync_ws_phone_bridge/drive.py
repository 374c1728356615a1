"""A phone call: the caller's browser shows the avatar, the bot plays two TTS replies."""

import time

import e2e_support
from phone_avatar import PhoneAvatar

bot = PhoneAvatar.from_env()
url, token = bot.open()
e2e_support.viewer.join(url, token)
bot.connect()
bot.play(e2e_support.audio_chunk(1800, seed=3))
bot.keep_alive()
bot.play(e2e_support.audio_chunk(700, seed=4))
bot.barge_in()
time.sleep(0.5)  # the caller hangs up a moment after cutting the bot off
bot.close()
