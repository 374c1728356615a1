"""Voice gateway: hands the browser a HeyGen realtime socket for its own TTS audio."""
