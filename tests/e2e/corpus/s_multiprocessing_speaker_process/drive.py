import e2e_support
from speaker import CaptionSpeaker

speaker = CaptionSpeaker()
url, token = speaker.start()
e2e_support.viewer.join(url, token)
for line in ["Welcome everyone.", "Today we talk about rivers.", "Let's begin with the Nile."]:
    speaker.caption(line)
sent = speaker.finish()
print("sent", sent)
assert sent == 3, sent
