API = "https://api.liveavatar.com/v1"

TOKEN_URL = API + "/sessions/token"
NEW_URL = API + "/sessions/token"
# TODO(heygen2liveavatar): H2L901 `START_URL` (`streaming.start` is `POST /v1/sessions/start`) is sent by the modules importing it, whose migration removes that request (the session starts with its token call): delete it once nothing imports it
START_URL = API + "/streaming.start"
# TODO(heygen2liveavatar): H2L201 `streaming.task` has no LiveAvatar endpoint (its calls become `liveavatar_bridge` events): migrate what still uses this URL, then delete it
TASK_URL = API + "/streaming.task"
STOP_URL = API + "/sessions/stop"
