BASE = "https://api.heygen.com/v1"
NEW_URL = f"{BASE}/streaming.new"
START_URL = f"{BASE}/streaming.start"
STOP_URL = f"{BASE}/streaming.stop"
