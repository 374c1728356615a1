API = "https://api.heygen.com/v1"

ENDPOINTS = {
    "new": f"{API}/streaming.new",
    "start": f"{API}/streaming.start",
    "keep_alive": f"{API}/streaming.keep_alive",
}


class Urls:
    INTERRUPT = API + "/streaming.interrupt"
    STOP = API + "/streaming.stop"
