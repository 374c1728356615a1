import os

from pyramid.config import Configurator

from .heygen import HeyGenStreaming


def get_heygen(request):
    settings = request.registry.settings
    return HeyGenStreaming(
        api_base=settings["heygen.api_base"],
        api_key=os.environ["HEYGEN_API_KEY"],
        timeout=float(settings.get("heygen.timeout", 20)),
    )


def main(global_config, **settings):
    """This function returns a Pyramid WSGI application."""
    with Configurator(settings=settings) as config:
        config.add_request_method(get_heygen, "heygen", reify=True)
        config.add_route("sessions", "/api/sessions")
        config.add_route("session", "/api/sessions/{sid}")
        config.add_route("speech", "/api/sessions/{sid}/speech")
        config.scan("avatar_app.views")
    return config.make_wsgi_app()
