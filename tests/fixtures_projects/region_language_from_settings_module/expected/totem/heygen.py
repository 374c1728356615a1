import requests

from . import config
from . import liveavatar_bridge

H_HEYGEN = {"X-API-KEY": config.HEYGEN_API_KEY}


def nova_sessao():
    # TODO(heygen2liveavatar): H2L101 `avatar_id` (from `config.AVATAR_ID`): the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    # TODO(heygen2liveavatar): H2L101 `language` `pt-BR`: LiveAvatar takes ISO-639 language codes without a region (send `pt`)
    payload = {
        "mode": "FULL",
        "avatar_id": config.AVATAR_ID,
        "video_settings": {"encoding": "VP8"},
        "avatar_persona": {
            k: v
            for k, v in {"language": config.IDIOMA}.items()
            if v is not None
        },
    }
    r = requests.post("https://api.liveavatar.com/v1/sessions/token", json=payload, headers=H_HEYGEN)
    session_data = liveavatar_bridge.start_session(r.json(), r.url)["data"]
    return {
        **session_data,
        "url": session_data.get("livekit_url"),
        "access_token": session_data.get("livekit_client_token"),
    }
