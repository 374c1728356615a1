"""Home Assistant loads the entry; automations start the avatar, make it talk, stop it."""

import asyncio
import os

import e2e_support
from custom_components.heygen_avatar import async_setup_entry
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant


async def main() -> None:
    hass = HomeAssistant()
    entry = ConfigEntry(
        entry_id="01HZX",
        domain="heygen_avatar",
        title="Hall Tablet",
        data={"api_key": os.environ["ENTRY_API_KEY"], "avatar_id": os.environ["HEYGEN_AVATAR_ID"]},
        options={"quality": "low"},
    )
    assert await async_setup_entry(hass, entry)
    await hass.services.async_call("heygen_avatar", "start")
    state = hass.states.get("heygen_avatar.hall_tablet")
    assert state.state == "streaming", state
    # the dashboard card connects with the entity's attributes
    e2e_support.viewer.join(state.attributes["livekit_url"], state.attributes["livekit_token"])
    await hass.services.async_call(
        "heygen_avatar", "say", {"message": "The washing machine is done."}
    )
    await hass.services.async_call(
        "heygen_avatar", "say", {"message": "Someone is at the front door."}
    )
    await hass.services.async_call("heygen_avatar", "stop")
    assert hass.states.get("heygen_avatar.hall_tablet").state == "idle"
    await hass.async_stop()


asyncio.run(main())
