from __future__ import annotations

import os

from wiring import Configuration, Factory, Provide, Singleton

from .service import AvatarService
from .streaming import StreamingClient


class Container:
    config = Configuration()
    streaming_client = Singleton(StreamingClient, base_url=config.heygen.base_url, api_key=config.heygen.api_key)
    avatar_service = Factory(
        AvatarService,
        client=streaming_client,
        avatar_id=config.heygen.avatar_id,
        knowledge_base_id=config.heygen.knowledge_base_id,
    )


def build_container() -> type[Container]:
    Container.config.from_dict(
        {
            "heygen": {
                "base_url": "https://api.heygen.com",
                "api_key": os.environ["HEYGEN_API_KEY"],
                "avatar_id": os.environ.get("HELPDESK_AVATAR", "Anna_public_3_20240108"),
                "knowledge_base_id": os.environ.get("HELPDESK_KB"),
            }
        }
    )
    Provide.container = Container
    return Container
