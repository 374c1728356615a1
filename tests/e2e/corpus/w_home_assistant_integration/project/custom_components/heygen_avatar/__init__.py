"""The HeyGen Avatar integration: a talking avatar on a wall tablet.

Services:
    heygen_avatar.start  -> open a streaming session (the dashboard card shows it)
    heygen_avatar.say    -> {"message": "..."}, e.g. from an automation
    heygen_avatar.stop
"""
from __future__ import annotations

import logging

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_API_KEY
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers.aiohttp_client import async_get_clientsession

from .api import HeyGenApiError, HeyGenStreamingApi
from .const import (
    ATTR_MESSAGE,
    CONF_AVATAR_ID,
    CONF_QUALITY,
    DEFAULT_QUALITY,
    DOMAIN,
    SERVICE_SAY,
    SERVICE_START,
    SERVICE_STOP,
)

_LOGGER = logging.getLogger(__name__)


def _say_schema(data: dict) -> dict:
    message = str(data.get(ATTR_MESSAGE, "")).strip()
    if not message:
        raise ValueError("message is required")
    return {ATTR_MESSAGE: message}


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    api = HeyGenStreamingApi(async_get_clientsession(hass), entry.data[CONF_API_KEY])
    hass.data.setdefault(DOMAIN, {})[entry.entry_id] = {"api": api, "session": None}
    entity_id = f"{DOMAIN}.{entry.title.lower().replace(' ', '_')}"
    hass.states.async_set(entity_id, "idle")

    def _current() -> dict:
        return hass.data[DOMAIN][entry.entry_id]

    async def handle_start(call: ServiceCall) -> None:
        if _current()["session"] is not None:
            _LOGGER.warning("avatar already streaming")
            return
        quality = entry.options.get(CONF_QUALITY, DEFAULT_QUALITY)
        info = await api.async_new_session(entry.data[CONF_AVATAR_ID], quality)
        await api.async_start_session(info["session_id"])
        hass.data[DOMAIN][entry.entry_id]["session"] = info
        hass.states.async_set(
            entity_id,
            "streaming",
            {"session_id": info["session_id"], "livekit_url": info["url"], "livekit_token": info["access_token"]},
        )

    async def handle_say(call: ServiceCall) -> None:
        session = _current()["session"]
        if session is None:
            _LOGGER.error("heygen_avatar.say called without a session")
            return
        try:
            await api.async_speak(session["session_id"], call.data[ATTR_MESSAGE])
        except HeyGenApiError as err:
            _LOGGER.error("say failed: %s", err)

    async def handle_stop(call: ServiceCall) -> None:
        session = _current()["session"]
        if session is None:
            return
        await api.async_stop_session(session["session_id"])
        _current()["session"] = None
        hass.states.async_set(entity_id, "idle")

    hass.services.async_register(DOMAIN, SERVICE_START, handle_start)
    hass.services.async_register(DOMAIN, SERVICE_SAY, handle_say, schema=_say_schema)
    hass.services.async_register(DOMAIN, SERVICE_STOP, handle_stop)
    return True
