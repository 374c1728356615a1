from . import TestClient

__all__ = ["TestClient"]
