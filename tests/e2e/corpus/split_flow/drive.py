"""Call the handlers one by one, each with only the session id, as the routes would."""

import os

import split_flow

session_id = split_flow.create_session(os.environ["AVATAR_ID"])
split_flow.speak(session_id, "Hi, I am your assistant.")
split_flow.speak(session_id, "Summarise our plans", task_type="chat")
split_flow.stop_listening(session_id)
split_flow.close(session_id)
