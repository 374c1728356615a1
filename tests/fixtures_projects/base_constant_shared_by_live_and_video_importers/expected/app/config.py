import os
HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")
LIVEAVATAR_API_KEY = os.getenv("LIVEAVATAR_API_KEY")
BASE_URL = "https://api.heygen.com"
LIVEAVATAR_BASE_URL = "https://api.liveavatar.com"
