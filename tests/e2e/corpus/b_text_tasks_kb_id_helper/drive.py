import e2e_support
from tutor.client import TutorAvatar

tutor = TutorAvatar()
room = tutor.start()
e2e_support.viewer.join(room["url"], room["access_token"])
tutor.say("Welcome to today's lesson on fractions.", task_type="repeat")
answer = tutor.say("What is one half plus one quarter?")
assert answer is not None
tutor.end()

# the recap video is rendered by HeyGen's (non-streaming) video API
video_id = tutor.render_recap("Today we added fractions.")
assert video_id
