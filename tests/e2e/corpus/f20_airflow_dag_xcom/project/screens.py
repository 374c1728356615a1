"""Deployment wiring: which screen shows the lobby avatar."""
from dags import lobby_announcements


def attach(show_room):
    """show_room(url, token) is called with the LiveKit room once the avatar is up."""
    lobby_announcements.screen_hook = show_room
