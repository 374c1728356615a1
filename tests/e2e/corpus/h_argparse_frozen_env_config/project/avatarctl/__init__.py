"""avatarctl: present a script with a HeyGen streaming avatar from the terminal."""

__version__ = "0.2.0"
