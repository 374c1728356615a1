"""Offline stand-in for the slice of IPython the notebook uses."""
