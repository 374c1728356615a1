from dataclasses import dataclass, field
from typing import Any, Dict


@dataclass
class ConfigEntry:
    entry_id: str
    domain: str
    title: str
    data: Dict[str, Any] = field(default_factory=dict)
    options: Dict[str, Any] = field(default_factory=dict)
