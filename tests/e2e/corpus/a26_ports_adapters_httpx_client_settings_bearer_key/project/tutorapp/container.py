"""Composition root."""
from __future__ import annotations

import os

import httpx
from pydantic_settings import BaseSettings

from .adapters.heygen import HeyGenGateway
from .service import TutorService


class Settings(BaseSettings):
    heygen_api_key: str
    heygen_base_url: str = "https://api.heygen.com/v1"
    tutor_avatar: str = "Wayne_20240711"


def build_service(http: httpx.Client | None = None) -> TutorService:
    settings = Settings()
    gateway = HeyGenGateway(http or httpx.Client(timeout=20), settings.heygen_api_key, settings.heygen_base_url)
    return TutorService(gateway, settings.tutor_avatar or os.environ["TUTOR_AVATAR"])
