"""Cron: render the day's welcome video for the lobby screen's idle loop."""
import configparser
import logging
import os
import sys

from heygen_client import heygen_post

VIDEO_AVATAR = os.environ.get("VIDEO_AVATAR", "Daisy-inskirt-20220818")


def main(argv=None):
    cfg = configparser.ConfigParser()
    cfg.read("lobby.ini")
    data = heygen_post(
        "/v2/video/generate",
        {
            "title": cfg["video"]["title"],
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": VIDEO_AVATAR},
                    "voice": {"type": "text", "input_text": cfg["video"]["script"]},
                }
            ],
        },
    )
    print(f"queued video {data['video_id']}")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
