"""Demo app built on HeyGen's Interactive Avatar (Streaming) API.

Used as the sample target for ``heygen2liveavatar migrate --diff examples/``.
"""
