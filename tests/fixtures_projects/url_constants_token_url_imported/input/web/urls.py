HEYGEN_API = "https://api.heygen.com/v1"
TOKEN_URL = f"{HEYGEN_API}/streaming.create_token"
