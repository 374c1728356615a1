import os

from .heygen import HeyGenStreaming
from .helpers import call_streaming


def get_heygen(request):
    return HeyGenStreaming("https://api.liveavatar.com/v1", os.environ["LIVEAVATAR_API_KEY"])


def includeme(config):
    config.add_request_method(get_heygen, "heygen", reify=True)
