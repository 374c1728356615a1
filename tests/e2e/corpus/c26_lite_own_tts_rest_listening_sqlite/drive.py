import e2e_support
import store
from voice_kiosk import VoiceKiosk

k = VoiceKiosk()
room = k.open()
e2e_support.viewer.join(room["url"], room["token"])
k.say("Hi, I'm the lobby assistant.")
k.barge_in()
k.user_turn(listen=True)
k.user_turn(listen=False)
k.say("How can I help?")
k.close()
assert store.get("lobby-1") is None
