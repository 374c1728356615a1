import os
import re
from dataclasses import dataclass, field
from typing import List, Optional

import yaml

_VAR = re.compile(r"\$\{(\w+)\}")


@dataclass
class Slide:
    text: str
    kind: str = "repeat"  # "repeat" = say verbatim, "talk" = let the avatar answer
    interrupt: bool = False
    pause: float = 0.0


@dataclass
class Deck:
    title: str
    avatar: str
    slides: List[Slide] = field(default_factory=list)
    knowledge_base_id: Optional[str] = None
    quality: str = "medium"
    language: Optional[str] = None


def _env(value):
    if isinstance(value, str):
        return _VAR.sub(lambda m: os.environ.get(m.group(1), ""), value) or None
    return value


def load_deck(path) -> Deck:
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    slides = []
    for item in raw.get("slides", []):
        if "ask" in item:
            slides.append(Slide(item["ask"], "talk", bool(item.get("interrupt")), float(item.get("pause", 0))))
        else:
            slides.append(Slide(item["say"], "repeat", bool(item.get("interrupt")), float(item.get("pause", 0))))
    return Deck(
        title=raw.get("title", "untitled"),
        avatar=_env(raw["avatar"]),
        slides=slides,
        knowledge_base_id=_env(raw.get("knowledge_base_id")),
        quality=raw.get("quality", "medium"),
        language=raw.get("language"),
    )
