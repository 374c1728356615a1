from __future__ import annotations

import os
from typing import NamedTuple


class MenuBoardConfig(NamedTuple):
    base: str
    api_key: str
    avatar_id: str

    @classmethod
    def load(cls) -> "MenuBoardConfig":
        return cls(
            base=os.environ.get("HEYGEN_BASE", "https://api.heygen.com/v1"),
            api_key=os.environ["HEYGEN_API_KEY"],
            avatar_id=os.environ.get("MENU_AVATAR", "Anna_public_3_20240108"),
        )
