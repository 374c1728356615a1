import aiohttp


def async_get_clientsession(hass):
    """The one shared aiohttp session of the instance (closed when Home Assistant stops)."""
    if "aiohttp_session" not in hass.data:
        session = aiohttp.ClientSession()
        hass.data["aiohttp_session"] = session
        hass._cleanup.append(session.close)
    return hass.data["aiohttp_session"]
