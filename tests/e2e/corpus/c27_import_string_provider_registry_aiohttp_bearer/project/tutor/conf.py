import os

AVATAR_PROVIDER = os.getenv("AVATAR_PROVIDER", "heygen")
AVATAR_PROVIDERS = {
    "heygen": "tutor.providers.heygen.HeyGenProvider",
    "echo": "tutor.providers.echo.EchoProvider",
}
TUTOR_AVATAR = os.getenv("TUTOR_AVATAR", "")
