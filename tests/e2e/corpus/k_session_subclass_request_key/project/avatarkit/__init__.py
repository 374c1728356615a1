from .http import KeyedSession
from .tour import TourGuide

__all__ = ["KeyedSession", "TourGuide"]
