"""Typed settings loaded from config.yaml (environment variables expanded)."""
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

import yaml


@dataclass
class HeyGenConfig:
    api_base: str
    avatar_id: str
    quality: str = "medium"
    knowledge_base_id: Optional[str] = None
    timeout_s: float = 30.0
    api_key: str = field(default_factory=lambda: os.environ.get("HEYGEN_API_KEY", ""), repr=False)


@dataclass
class ScriptConfig:
    greeting: str
    questions: List[str] = field(default_factory=list)
    goodbye: str = "Goodbye!"


@dataclass
class AppConfig:
    heygen: HeyGenConfig
    script: ScriptConfig

    @classmethod
    def load(cls, path="config.yaml"):
        raw = os.path.expandvars(Path(path).read_text(encoding="utf-8"))
        doc = yaml.safe_load(raw)
        hg = {k: v for k, v in doc["heygen"].items() if v not in (None, "") and not str(v).startswith("$")}
        return cls(heygen=HeyGenConfig(**hg), script=ScriptConfig(**doc["script"]))
