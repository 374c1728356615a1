NEW = "/v1/sessions/token"
# TODO(heygen2liveavatar): H2L901 `START` (`/v1/streaming.start` is `POST /v1/sessions/start`) is sent by the modules importing it, whose migration removes that request (the session starts with its token call): delete it once nothing imports it
START = "/v1/streaming.start"
# TODO(heygen2liveavatar): H2L201 `streaming.task` has no LiveAvatar endpoint (its calls become `liveavatar_bridge` events): migrate what still uses this URL, then delete it
TASK = "/v1/streaming.task"
STOP = "/v1/sessions/stop"
