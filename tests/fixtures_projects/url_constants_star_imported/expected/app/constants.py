BASE = "https://api.liveavatar.com/v1"
NEW_URL = f"{BASE}/sessions/token"
START_URL = f"{BASE}/sessions/start"
STOP_URL = f"{BASE}/sessions/stop"
