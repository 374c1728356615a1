"""facekit: a tiny async SDK for the streaming avatar API."""
from .client import FaceKit

__all__ = ["FaceKit"]
