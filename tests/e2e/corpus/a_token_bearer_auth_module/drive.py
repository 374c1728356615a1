"""What the web frontend does against the backend's route handlers."""

from avatar_backend import routes
from e2e_support import viewer

session = routes.create_avatar_session({"language": "en"})
viewer.join(session["url"], session["access_token"])
routes.speak(session["session_id"], {"text": "Can you recommend a vegetarian dish?"})
routes.interrupt(session["session_id"])
routes.speak(session["session_id"], {"text": "Sorry, I meant a vegan dish.", "task_type": "talk"})
routes.end_session(session["session_id"])
