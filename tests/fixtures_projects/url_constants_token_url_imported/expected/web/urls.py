HEYGEN_API = "https://api.liveavatar.com/v1"
TOKEN_URL = f"{HEYGEN_API}/sessions/token"
