from functools import cached_property

from .config import Config
from .providers.heygen import HeyGenProvider
from .services import ConversationService


class Container:
    def __init__(self, config: Config | None = None):
        self.config = config or Config()

    @cached_property
    def heygen(self) -> HeyGenProvider:
        return HeyGenProvider(self.config)

    def conversation_service(self) -> ConversationService:
        return ConversationService(self.heygen)


container = Container()
