NEW = "/v1/sessions/token"
START = "/v1/sessions/start"
# TODO(heygen2liveavatar): H2L201 `streaming.task` has no LiveAvatar endpoint (its calls become `liveavatar_bridge` events): migrate what still uses this URL, then delete it
TASK = "/v1/streaming.task"
STOP = "/v1/sessions/stop"
