from heygen_client.client import HeyGenClient

__all__ = ["HeyGenClient"]
