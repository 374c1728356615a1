"""Typed views of the avatar API's answers.

The API wraps everything in ``{"code": ..., "data": {...}, "message": ...}``; the models pick
the fields they need straight out of the envelope with ``AliasPath`` so callers never index
dictionaries.
"""
from __future__ import annotations

from pydantic import AliasPath, BaseModel, ConfigDict, Field


class Envelope(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: int
    message: str = ""


class LiveSession(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    session_id: str = Field(validation_alias=AliasPath("data", "session_id"))
    room_url: str = Field(validation_alias=AliasPath("data", "url"))
    viewer_token: str = Field(validation_alias=AliasPath("data", "access_token"))


class Exhibit(BaseModel):
    slug: str
    title: str
    blurb: str

    def script(self) -> list[str]:
        return [f"You are looking at {self.title}.", self.blurb]
