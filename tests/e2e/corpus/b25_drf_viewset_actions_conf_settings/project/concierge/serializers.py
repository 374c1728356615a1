from rest_framework.exceptions import ValidationError

TASK_TYPES = ("repeat", "chat")


def validated_speech(data):
    text = (data.get("text") or "").strip()
    if not text:
        raise ValidationError({"text": "This field is required."})
    task_type = data.get("task_type", "repeat")
    if task_type not in TASK_TYPES:
        raise ValidationError({"task_type": f"must be one of {TASK_TYPES}"})
    return {"text": text, "task_type": task_type}


def session_representation(row):
    return {"id": row.id, "status": row.status, "livekit_url": row.room_url, "livekit_token": row.room_token}
