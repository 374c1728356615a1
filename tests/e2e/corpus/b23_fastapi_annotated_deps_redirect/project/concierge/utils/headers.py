"""Header helpers shared by the outbound clients."""


def heygen_headers(api_key: str) -> dict[str, str]:
    return {
        "x-api-key": api_key,
        "content-type": "application/json",
        "accept": "application/json",
    }
