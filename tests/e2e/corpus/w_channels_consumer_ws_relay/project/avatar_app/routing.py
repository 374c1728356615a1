from django.urls import re_path  # noqa: F401  (used by the project's asgi.py)

from . import consumers

websocket_urlpatterns = [
    (r"ws/avatar/$", consumers.AvatarConsumer.as_asgi()),
]
