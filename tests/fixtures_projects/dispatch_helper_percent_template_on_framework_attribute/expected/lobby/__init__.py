import os

from .heygen import HeyGenStreaming
from .helpers import call_streaming


def get_heygen(request):
    # TODO(heygen2liveavatar): H2L401 this HeyGen base URL may serve streaming calls in other modules as well as HeyGen's other APIs; give the streaming calls a `https://api.liveavatar.com` base
    return HeyGenStreaming("https://api.heygen.com/v1", os.environ["LIVEAVATAR_API_KEY"])


def includeme(config):
    config.add_request_method(get_heygen, "heygen", reify=True)
