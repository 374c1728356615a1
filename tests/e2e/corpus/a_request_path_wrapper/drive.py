from e2e_support import viewer
from heygen_api import HeyGenAPI

api = HeyGenAPI()
print("avatar available:", api.avatar_available())
session = api.new_session(quality="low")
api.start(session["session_id"])
viewer.join(session["url"], session["access_token"])
api.task(session["session_id"], "What are your opening hours?")
api.task(session["session_id"], "Thanks, goodbye!", task_type="repeat")
api.stop(session["session_id"])
