"""Offline stand-in for the bits of IPython the notebook uses (the kernel provides the real one)."""
