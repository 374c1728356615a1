"""Settings handed to a container as an inline dict: the HeyGen base has no name of its own."""

import os

import httpx

from service import AvatarService


class Container:
    def __init__(self):
        self.values = {}

    def from_dict(self, values):
        self.values.update(values)

    def avatar(self):
        client = httpx.Client(base_url=self.values["api_base"], headers=self.values["headers"])
        return AvatarService(client)


def build():
    container = Container()
    container.from_dict(
        {
            "api_base": os.environ.get("RECEPTION_API_BASE", "https://api.liveavatar.com"),
            "headers": {"X-Api-Key": os.environ["LIVEAVATAR_API_KEY"]},
        }
    )
    return container
