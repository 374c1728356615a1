"""JSON Schemas for the HeyGen responses we rely on. We got bitten once by a silent API
change, so every response is validated before anything reads it."""

ENVELOPE = {
    "type": "object",
    "required": ["code", "data"],
    "properties": {"code": {"const": 100}, "message": {"type": "string"}},
}

NEW_SESSION = {
    "type": "object",
    "required": ["session_id", "url", "access_token"],
    "properties": {
        "session_id": {"type": "string", "minLength": 1},
        "url": {"type": "string", "pattern": "^wss?://"},
        "access_token": {"type": "string"},
    },
}
