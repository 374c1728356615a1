import os

# TODO(heygen2liveavatar): H2L401 this HeyGen base URL may serve streaming calls in other modules as well as HeyGen's other APIs; give the streaming calls a `https://api.liveavatar.com` base
BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")
# TODO(heygen2liveavatar): H2L402 `HEYGEN_API_KEY` also serves non-streaming HeyGen calls; read a separate `LIVEAVATAR_API_KEY` for the LiveAvatar calls
API_KEY = os.getenv("HEYGEN_API_KEY", "")
