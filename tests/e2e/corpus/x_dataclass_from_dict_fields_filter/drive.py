"""A visitor scans the QR code at the entrance hall."""

import os

import e2e_support
from museum.guide import Guide

guide = Guide()
session = guide.start(os.environ["GUIDE_AVATAR_ID"])
e2e_support.viewer.join(session.url, session.access_token)
guide.tell("Welcome to the entrance hall, built in 1872.")
guide.tell("The staircase on your left leads to the mineral collection.")
guide.finish()
