"""presenter: render HeyGen videos, or present a script live with an interactive avatar."""
__version__ = "0.4.1"
