BASE = "https://api.liveavatar.com/v1"
NEW_URL = f"{BASE}/sessions/token"
# TODO(heygen2liveavatar): H2L901 `START_URL` (`streaming.start` is `POST /v1/sessions/start`) is sent by the modules importing it, whose migration removes that request (the session starts with its token call): delete it once nothing imports it
START_URL = f"{BASE}/streaming.start"
STOP_URL = f"{BASE}/sessions/stop"
