import json
import os
from pathlib import Path

CONFIG_FILE = Path(os.environ.get("AVATAR_CLI_CONFIG", "avatar-cli.json"))


def load_settings() -> dict:
    with CONFIG_FILE.open() as fh:
        settings = json.load(fh)
    settings["api_key"] = os.environ["HEYGEN_API_KEY"]
    settings["avatar_id"] = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
    return settings
