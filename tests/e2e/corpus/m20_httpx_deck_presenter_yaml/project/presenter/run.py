"""python -m presenter.run deck.yaml"""
import argparse
import logging
import sys
import time

from .deck import load_deck
from .heygen import StreamingClient

log = logging.getLogger("presenter")


class Presenter:
    def __init__(self, deck, client=None):
        self.deck = deck
        self.client = client or StreamingClient()
        self.spoken = []

    def open(self):
        d = self.deck
        self.client.open(d.avatar, quality=d.quality, language=d.language, knowledge_base_id=d.knowledge_base_id)
        return self.client.meet_link()

    def present(self):
        for n, slide in enumerate(self.deck.slides, 1):
            if slide.interrupt:
                self.client.interrupt()
            log.info("slide %d/%d (%s)", n, len(self.deck.slides), slide.kind)
            self.client.speak(slide.text, task_type=slide.kind)
            self.spoken.append(slide.text)
            if slide.pause:
                time.sleep(slide.pause)

    def close(self):
        self.client.close()


def main(argv=None):
    p = argparse.ArgumentParser(description="Let a HeyGen avatar present a deck")
    p.add_argument("deck")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    presenter = Presenter(load_deck(args.deck))
    print("Open this link to watch:", presenter.open())
    try:
        presenter.present()
    finally:
        presenter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
