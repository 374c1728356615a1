API = "https://api.liveavatar.com/v1"

# TODO(heygen2liveavatar): H2L901 `ENDPOINTS["start"]` (`streaming.start` is `POST /v1/sessions/start`) is sent by the modules importing it, whose migration removes that request (the session starts with its token call): delete it once nothing imports it
ENDPOINTS = {
    "new": f"{API}/sessions/token",
    "start": f"{API}/streaming.start",
    "keep_alive": f"{API}/sessions/keep-alive",
}


class Urls:
    # TODO(heygen2liveavatar): H2L202 `streaming.interrupt` has no LiveAvatar endpoint (its calls become `liveavatar_bridge` events): migrate what still uses this URL, then delete it
    INTERRUPT = API + "/streaming.interrupt"
    STOP = API + "/sessions/stop"
