"""Wire formats of the HeyGen streaming API, as marshmallow schemas."""
from dataclasses import dataclass
from typing import Optional

from marsh import EXCLUDE, Schema, fields, post_load


class VoiceSchema(Schema):
    voice_id = fields.Str()
    rate = fields.Float()


class NewSessionSchema(Schema):
    avatar_id = fields.Str(required=True)
    quality = fields.Str(dump_default="medium")
    voice = fields.Nested(VoiceSchema)
    knowledge_base_id = fields.Str()
    language = fields.Str()
    version = fields.Str(dump_default="v2")


class TaskSchema(Schema):
    session_id = fields.Str(required=True)
    text = fields.Str(required=True)
    task_type = fields.Str(dump_default="repeat")


class SessionIdSchema(Schema):
    session_id = fields.Str(required=True)


@dataclass
class StreamSession:
    session_id: str
    url: str
    access_token: str
    session_duration_limit: Optional[int] = None


class StreamSessionSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    session_id = fields.Str(required=True)
    url = fields.Str(required=True)
    access_token = fields.Str(required=True)
    session_duration_limit = fields.Float(load_default=None)

    @post_load
    def make_session(self, data):
        return StreamSession(**data)
