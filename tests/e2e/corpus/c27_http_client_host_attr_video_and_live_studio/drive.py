import e2e_support
from studio.jobs import present, render_and_present

SCRIPT = "Good morning. Sales are up. See you tomorrow!"

studio, room, status = render_and_present(SCRIPT)
assert status["status"] == "completed", status
assert status["video_url"].endswith(".mp4")
e2e_support.viewer.join(room.url, room.token)
assert present(studio, room, SCRIPT) == 3
studio.end(room.session_id)
