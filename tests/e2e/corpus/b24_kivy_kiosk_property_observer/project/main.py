"""Reception kiosk (Kivy). The touch screen shows the avatar; the operator panel shows the
room link so the lobby TV can mirror it."""
import os

from kivy.app import App
from kivy.clock import Clock
from kivy.properties import DictProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Label, TextInput

import avatar_api

AVATAR_ID = os.environ.get("KIOSK_AVATAR_ID", "Anna_public_3_20240108")


class KioskRoot(BoxLayout):
    room = DictProperty({})
    status = StringProperty("idle")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.ids.link = Label()
        self.ids.line = TextInput()
        self._ping = None

    def on_room(self, instance, value):
        if value:
            self.ids.link.text = value["url"] + "|" + value["access_token"]
            self.status = "live"
        else:
            self.ids.link.text = ""
            self.status = "idle"

    def start(self):
        if self.room:
            return
        data = avatar_api.new_session(AVATAR_ID)
        avatar_api.start_session(data["session_id"])
        self.room = data
        self._ping = Clock.schedule_interval(self.ping, 60)

    def ping(self, dt):
        if self.room:
            avatar_api.keep_alive(self.room["session_id"])

    def say(self):
        text = self.ids.line.text.strip()
        if self.room and text:
            avatar_api.speak(self.room["session_id"], text)
            self.ids.line.text = ""

    def stop(self):
        if self._ping is not None:
            self._ping.cancel()
        if self.room:
            avatar_api.stop_session(self.room["session_id"])
            self.room = {}


class KioskApp(App):
    title = "Reception"

    def build(self):
        return KioskRoot(orientation="vertical")

    def on_start(self):
        self.root.start()

    def on_stop(self):
        self.root.stop()


if __name__ == "__main__":
    KioskApp().run()
