from ..settings import settings


def build_headers(extra=None):
    headers = {
        "X-Api-Key": settings.API_KEY,
        "Content-Type": "application/json",
        "User-Agent": "presenter/0.4",
    }
    if extra:
        headers.update(extra)
    return headers
