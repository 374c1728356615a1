import heygen_urllib as hg
from e2e_support import viewer

info = hg.new_session()
hg.start_session(info["session_id"])
viewer.join(info["url"], info["access_token"])
hg.speak(info["session_id"], "Temperature in the greenhouse is 24 degrees.")
hg.keep_alive(info["session_id"])
hg.start_listening(info["session_id"])
hg.speak(info["session_id"], "Should I open the vents?", "chat")
hg.stop_session(info["session_id"])
