import os

from .heygen_output import HeyGenOutput, HeyGenParams


def make_output():
    return HeyGenOutput(
        HeyGenParams(api_key=os.environ["HEYGEN_API_KEY"], avatar_id=os.getenv("KIOSK_AVATAR", "Anna_public_3_20240108"))
    )
