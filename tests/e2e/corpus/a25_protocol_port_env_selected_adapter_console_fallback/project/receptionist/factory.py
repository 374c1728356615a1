from __future__ import annotations

import os

from .ports import AvatarPort


def make_avatar() -> AvatarPort:
    backend = os.environ.get("AVATAR_BACKEND", "heygen")
    if backend == "console":
        from .adapters.console import ConsoleAvatar

        return ConsoleAvatar()
    from .adapters import heygen

    return heygen.from_env()
