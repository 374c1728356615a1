from .headers import heygen_headers

__all__ = ["heygen_headers"]
