import os
from typing import Iterator

from fastapi import HTTPException

from . import store
from .heygen_http import HeyGenHTTP


def get_heygen() -> Iterator[HeyGenHTTP]:
    http = HeyGenHTTP(os.environ["HEYGEN_API_KEY"])
    try:
        yield http
    finally:
        http.close()


def get_room(room_id: str) -> store.Room:
    try:
        return store.get(room_id)
    except KeyError:
        raise HTTPException(status_code=404, detail="no such room")
