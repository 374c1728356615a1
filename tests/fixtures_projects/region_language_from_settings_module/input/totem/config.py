import os

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
IDIOMA = os.getenv("IDIOMA", "pt-BR")
AVATAR_ID = os.getenv("AVATAR_ID", "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a")
