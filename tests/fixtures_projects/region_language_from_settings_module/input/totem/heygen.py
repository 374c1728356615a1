import requests

from . import config

H_HEYGEN = {"x-api-key": config.HEYGEN_API_KEY}


def nova_sessao():
    payload = {"avatar_id": config.AVATAR_ID, "version": "v2", "language": config.IDIOMA}
    r = requests.post("https://api.heygen.com/v1/streaming.new", json=payload, headers=H_HEYGEN)
    return r.json()["data"]
