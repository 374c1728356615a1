"""Wiring: configuration, one shared HTTP client, the avatar service."""
from __future__ import annotations

import os

import httpx

from di_lite import DeclarativeContainer, providers

from .services import AvatarService


class Container(DeclarativeContainer):
    config = providers.Configuration()

    http = providers.Singleton(
        httpx.AsyncClient,
        base_url=config.api_base,
        headers=config.api_headers,
        timeout=20.0,
    )

    avatar = providers.Factory(AvatarService, http=http, avatar_id=config.avatar_id)


def build_container() -> Container:
    container = Container()
    container.config.from_dict(
        {
            "api_base": os.environ.get("RECEPTION_API_BASE", "https://api.heygen.com"),
            "api_headers": {"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            "avatar_id": os.environ.get("RECEPTION_AVATAR", "Anna_public_3_20240108"),
        }
    )
    return container
