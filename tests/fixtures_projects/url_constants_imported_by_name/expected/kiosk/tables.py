API = "https://api.liveavatar.com/v1"

ENDPOINTS = {
    "new": f"{API}/sessions/token",
    "start": f"{API}/sessions/start",
    "keep_alive": f"{API}/sessions/keep-alive",
}


class Urls:
    # TODO(heygen2liveavatar): H2L202 `streaming.interrupt` has no LiveAvatar endpoint (its calls become `liveavatar_bridge` events): migrate what still uses this URL, then delete it
    INTERRUPT = API + "/streaming.interrupt"
    STOP = API + "/sessions/stop"
