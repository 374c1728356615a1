"""`VoiceResponse` / `Gather` building TwiML XML, as twilio.twiml.voice_response does."""
from xml.sax.saxutils import escape, quoteattr


class _Verb:
    name = ""

    def __init__(self, body=None, **attrs):
        self.body = body
        self.attrs = attrs
        self.children = []

    def _attr_name(self, key):
        parts = key.split("_")
        return parts[0] + "".join(p.title() for p in parts[1:])

    def to_xml(self):
        attrs = "".join(f" {self._attr_name(k)}={quoteattr(str(v))}" for k, v in self.attrs.items())
        inner = escape(self.body) if self.body else "".join(c.to_xml() for c in self.children)
        return f"<{self.name}{attrs}>{inner}</{self.name}>"


class Say(_Verb):
    name = "Say"


class Hangup(_Verb):
    name = "Hangup"


class Gather(_Verb):
    name = "Gather"

    def say(self, text, **attrs):
        self.children.append(Say(text, **attrs))
        return self


class VoiceResponse(_Verb):
    name = "Response"

    def say(self, text, **attrs):
        self.children.append(Say(text, **attrs))
        return self

    def append(self, verb):
        self.children.append(verb)
        return self

    def hangup(self):
        self.children.append(Hangup())
        return self

    def __str__(self):
        return '<?xml version="1.0" encoding="UTF-8"?>' + self.to_xml()
