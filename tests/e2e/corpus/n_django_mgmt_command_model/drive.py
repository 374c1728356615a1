"""The operator runs the management command; the kiosk view hands the stored room to the screen."""

import e2e_support
from avatars.management.commands.avatar import Command
from avatars.models import AvatarSession

Command().run_from_argv(["manage.py avatar", "open"])
row = AvatarSession.objects.filter(status="live")[-1]
e2e_support.viewer.join(row.url, row.access_token)  # the kiosk page
Command().run_from_argv(["manage.py avatar", "say", "--text", "Welcome to the lobby!"])
Command().run_from_argv(["manage.py avatar", "ping"])
Command().run_from_argv(
    [
        "manage.py avatar",
        "say",
        "--text",
        "Please sign in at the desk.",
        "--session",
        row.session_id,
    ]
)
Command().run_from_argv(["manage.py avatar", "close"])
assert row.status == "closed"
