"""Typed views of HeyGen responses. `from_dict` drops keys we do not model, so HeyGen adding
fields to a response never breaks us."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping, TypeVar

T = TypeVar("T", bound="ApiModel")


class ApiModel:
    @classmethod
    def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class StreamingSession(ApiModel):
    session_id: str
    url: str
    access_token: str
    session_duration_limit: int = 600
