from e2e_support import viewer
from service import greet, say_hello

avatar, session = greet("Dana")
viewer.join(session["url"], session["access_token"])
task_id = say_hello(avatar, session, "Dana")
print("task:", task_id)
avatar.stop(session["session_id"])
