import os
import re
import logging

import yaml

log = logging.getLogger(__name__)

_ENV_PATTERN = re.compile(r"\$\{([A-Z0-9_]+)\}")
_CONFIG = None

# old settings from before the yaml file, kept for the deploy script
DEFAULT_TIMEOUT = 30
LEGACY_STREAM_URL = "https://api.heygen.com/v1/streaming.new"  # not used anymore


def _expand(value):
    if isinstance(value, str):
        return _ENV_PATTERN.sub(lambda m: os.environ.get(m.group(1), ""), value)
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v) for v in value]
    return value


def load_config(path=None):
    global _CONFIG
    if _CONFIG is not None and path is None:
        return _CONFIG
    path = path or os.environ.get("STUDIO_CONFIG", "config.yaml")
    with open(path) as fh:
        raw = yaml.safe_load(fh) or {}
    _CONFIG = _expand(raw)
    log.debug("loaded config from %s", path)
    return _CONFIG


def heygen_cfg():
    return load_config().get("heygen", {})
