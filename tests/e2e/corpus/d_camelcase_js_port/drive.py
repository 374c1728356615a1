"""The headless kiosk doing what the React hook's users did."""

import os

import e2e_support
from streamingAvatarApi import StreamingAvatarApi

api = StreamingAvatarApi(os.environ["KIOSK_AVATAR"], knowledgeId=os.environ["KIOSK_KNOWLEDGE_ID"])
info = api.createStartAvatar()
e2e_support.viewer.join(info["url"], info["access_token"])
api.speak("Hello! Tap the screen to talk to me.", taskType="repeat")
api.speak("What brings you here today?")
api.startListening()
api.stopListening()
api.interrupt()
api.stopAvatar()
