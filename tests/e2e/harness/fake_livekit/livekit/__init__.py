"""A recording stand-in for the LiveKit Python SDK (``pip install livekit``).

On PYTHONPATH only in the migrated phase, ahead of any real SDK. ``livekit.rtc.Room`` reports
every join, publish and leave to the stand-ins' room recorder, which applies LiveKit's rules.
"""
