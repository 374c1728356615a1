API = "https://api.liveavatar.com/v1"

TOKEN_URL = API + "/sessions/token"
NEW_URL = API + "/sessions/token"
START_URL = API + "/sessions/start"
# TODO(heygen2liveavatar): H2L201 `streaming.task` has no LiveAvatar endpoint (its calls become `liveavatar_bridge` events): migrate what still uses this URL, then delete it
TASK_URL = API + "/streaming.task"
STOP_URL = API + "/sessions/stop"
