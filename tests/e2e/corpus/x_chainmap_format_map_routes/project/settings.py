"""Layered settings: command-line overrides > environment > defaults (collections.ChainMap)."""
import os
from collections import ChainMap

DEFAULTS = {
    "api": "https://api.heygen.com",
    "version": "v1",
    "quality": "low",
    "timeout": "20",
}

_ENV_KEYS = {"HEYGEN_API": "api", "HEYGEN_QUALITY": "quality", "RECEPTION_AVATAR": "avatar_id"}


def from_env():
    return {key: os.environ[var] for var, key in _ENV_KEYS.items() if os.environ.get(var)}


def load(**overrides):
    return ChainMap({k: v for k, v in overrides.items() if v is not None}, from_env(), DEFAULTS)
