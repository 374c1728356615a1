import asyncio
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, Tuple


@dataclass
class ServiceCall:
    domain: str
    service: str
    data: Dict[str, Any] = field(default_factory=dict)


@dataclass
class State:
    entity_id: str
    state: str
    attributes: Dict[str, Any]


class StateMachine:
    def __init__(self):
        self._states: Dict[str, State] = {}

    def async_set(self, entity_id, new_state, attributes=None):
        self._states[entity_id] = State(entity_id, new_state, dict(attributes or {}))

    def get(self, entity_id):
        return self._states.get(entity_id)


class ServiceRegistry:
    def __init__(self):
        self._services: Dict[Tuple[str, str], Callable[[ServiceCall], Awaitable[None]]] = {}

    def async_register(self, domain, service, handler, schema=None):
        self._services[(domain, service)] = (handler, schema)

    async def async_call(self, domain, service, data=None, blocking=True):
        handler, schema = self._services[(domain, service)]
        data = schema(data or {}) if schema is not None else dict(data or {})
        await handler(ServiceCall(domain, service, data))


class HomeAssistant:
    def __init__(self):
        self.data: Dict[str, Any] = {}
        self.states = StateMachine()
        self.services = ServiceRegistry()
        self._cleanup = []

    async def async_stop(self):
        for fn in self._cleanup:
            await fn()
        await asyncio.sleep(0)
