import os

from bot.auth import fetch_streaming_token
from bot.avatar import Avatar


def greet(show):
    avatar = Avatar(fetch_streaming_token(), os.environ["AVATAR_ID"])
    data = avatar.open()
    show(data["url"], data["access_token"])
    avatar.say("Hi!")
    avatar.close()
