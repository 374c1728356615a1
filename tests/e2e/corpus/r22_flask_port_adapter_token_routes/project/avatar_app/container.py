"""Poor man's DI container: one place that builds adapters from the environment."""
from __future__ import annotations

from functools import cached_property

from .adapters.heygen_gateway import HeyGenGateway
from .ports import AvatarGateway


class Container:
    @cached_property
    def heygen(self) -> AvatarGateway:
        return HeyGenGateway.from_env()


container = Container()
