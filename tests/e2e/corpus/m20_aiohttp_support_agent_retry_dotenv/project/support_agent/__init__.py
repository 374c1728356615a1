from .agent import SupportAgent  # noqa: F401
