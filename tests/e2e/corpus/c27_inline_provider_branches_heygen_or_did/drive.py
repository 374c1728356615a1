import e2e_support
import talking_head

stream = talking_head.open_stream()
assert stream.provider == "heygen"
e2e_support.viewer.join(stream.url, stream.token)
talking_head.say(stream, "Good evening, here is the news.")
talking_head.say(stream, "That is all for tonight.")
talking_head.close(stream)
