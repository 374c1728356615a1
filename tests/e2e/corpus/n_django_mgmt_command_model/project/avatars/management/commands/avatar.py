"""python manage.py avatar open|say|ping|close

Opens a HeyGen streaming session for the lobby screen and stores it in the db so the
kiosk view (avatars/views.py, not shown) can hand out url + access_token.
"""
import json

import requests

import settings
from avatars.models import AvatarSession
from minidj import BaseCommand, CommandError

HEYGEN = settings.HEYGEN


def _url(path):
    return "%s/v1/%s" % (HEYGEN["BASE_URL"].rstrip("/"), path)


class Command(BaseCommand):
    help = "Manage the lobby avatar session"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["open", "say", "ping", "close"])
        parser.add_argument("--text", default="")
        parser.add_argument("--session", default=None)

    def _post(self, path, body):
        headers = {"X-Api-Key": HEYGEN["API_KEY"], "Content-Type": "application/json"}
        try:
            r = requests.post(_url(path), headers=headers, data=json.dumps(body), timeout=30)
        except Exception as e:
            raise CommandError(f"heygen unreachable: {e}")
        if settings.DEBUG:
            print("[heygen]", path, r.status_code)
        if r.status_code != 200:
            raise CommandError(r.text)
        return r.json()

    def handle(self, *args, **options):
        action = options["action"]
        if action == "open":
            payload = {"quality": HEYGEN["QUALITY"], "avatar_id": HEYGEN["AVATAR_ID"], "version": "v2"}
            res = self._post("streaming.new", payload)
            data = res["data"]
            row = AvatarSession.objects.create(
                AvatarSession,
                session_id=data["session_id"],
                url=data["url"],
                access_token=data["access_token"],
                status="new",
            )
            self._post("streaming.start", {"session_id": row.session_id})
            row.status = "live"
            row.save()
            self.write(f"opened {row.session_id}")
            return row.session_id
        row = self._get_row(options.get("session"))
        if action == "say":
            if not options["text"]:
                raise CommandError("--text is required")
            res = self._post("streaming.task", {"session_id": row.session_id, "text": options["text"], "task_type": "repeat"})
            self.write("task %s" % res.get("data", {}).get("task_id"))
        elif action == "ping":
            self._post("streaming.keep_alive", {"session_id": row.session_id})
            self.write("alive")
        elif action == "close":
            # self._post("streaming.interrupt", {"session_id": row.session_id})
            self._post("streaming.stop", {"session_id": row.session_id})
            row.status = "closed"
            row.save()
            self.write("closed")

    def _get_row(self, session_id):
        rows = AvatarSession.objects.filter(status="live")
        if session_id:
            rows = [r for r in rows if r.session_id == session_id]
        if not rows:
            raise CommandError("no live session")
        return rows[-1]
