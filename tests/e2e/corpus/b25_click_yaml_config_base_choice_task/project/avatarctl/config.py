import os
from pathlib import Path

import yaml

DEFAULT_PATH = Path(os.environ.get("AVATARCTL_CONFIG", "avatar.yaml"))


def load(path=None):
    with open(path or DEFAULT_PATH, encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh)
    hg = cfg.setdefault("heygen", {})
    # environment overrides, handy in CI
    for key in ("avatar_id", "knowledge_base_id"):
        env = os.environ.get(f"AVATARCTL_{key.upper()}")
        if env:
            hg[key] = env
    hg["api_key"] = os.environ["HEYGEN_API_KEY"]
    return cfg
