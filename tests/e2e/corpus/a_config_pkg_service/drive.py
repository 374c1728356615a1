from e2e_support import viewer
from voicebot.service import AvatarSessionService

svc = AvatarSessionService()
room = svc.open()
viewer.join(room["url"], room["access_token"])
svc.speak("Your appointment is confirmed for Monday at nine.")
svc.speak("Would you like a reminder by SMS?", mode="talk")
svc.end()
