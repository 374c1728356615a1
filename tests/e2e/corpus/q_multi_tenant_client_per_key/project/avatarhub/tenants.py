import os
from dataclasses import dataclass

# Each customer brings their own HeyGen account. Keys live in the environment of the
# deployment (one variable per customer); the shared key is the fallback for trials.
TENANTS = {
    "acme": {
        "name": "Acme Corp",
        "api_key": os.environ.get("ACME_HEYGEN_API_KEY") or os.environ.get("HEYGEN_API_KEY"),
        "avatar_id": os.environ.get("ACME_AVATAR_ID", "Anna_public_3_20240108"),
        "quality": "high",
    },
    "globex": {
        "name": "Globex",
        "api_key": os.environ.get("GLOBEX_HEYGEN_API_KEY") or os.environ.get("HEYGEN_API_KEY"),
        "avatar_id": os.environ.get("GLOBEX_AVATAR_ID", "Wayne_20240711"),
        "quality": "medium",
    },
}


@dataclass(frozen=True)
class Tenant:
    slug: str
    name: str
    api_key: str
    avatar_id: str
    quality: str = "medium"


class UnknownTenant(KeyError):
    pass


def get_tenant(slug):
    try:
        row = TENANTS[slug]
    except KeyError:
        raise UnknownTenant(slug) from None
    return Tenant(slug=slug, **row)
