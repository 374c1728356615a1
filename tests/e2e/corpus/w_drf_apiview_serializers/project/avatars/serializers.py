from rest_framework import serializers


class StartSessionSerializer(serializers.Serializer):
    avatar_id = serializers.CharField(max_length=128, required=False)
    language = serializers.CharField(max_length=8, default="en")


class SessionSerializer(serializers.Serializer):
    """What the front-end needs to join the avatar's LiveKit room."""

    session_id = serializers.CharField()
    url = serializers.URLField()
    access_token = serializers.CharField()


class SpeakSerializer(serializers.Serializer):
    TASK_TYPES = (("repeat", "Say exactly this"), ("talk", "Answer with the knowledge base"))

    text = serializers.CharField(max_length=1000)
    task_type = serializers.ChoiceField(choices=TASK_TYPES, default="repeat")
