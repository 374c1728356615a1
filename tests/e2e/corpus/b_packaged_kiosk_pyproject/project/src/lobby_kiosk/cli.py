import argparse

from .client import KioskAvatar
from .scripts import greet_visitor


def main(argv=None):
    parser = argparse.ArgumentParser(prog="lobby-kiosk")
    parser.add_argument("visitor")
    parser.add_argument("--host", default="reception")
    args = parser.parse_args(argv)
    kiosk = KioskAvatar.from_env()
    creds = kiosk.open()
    print("viewer:", creds["url"])
    try:
        greet_visitor(kiosk, args.visitor, args.host)
    finally:
        kiosk.close()
