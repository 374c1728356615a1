from django.conf import settings
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.viewsets import ViewSet

from . import heygen
from .models import AvatarSession
from .serializers import session_representation, validated_speech


class AvatarSessionViewSet(ViewSet):
    def _row(self, pk):
        try:
            row = AvatarSession.objects.get(pk)
        except (KeyError, ValueError):
            raise NotFound()
        if row.status != "active":
            raise NotFound()
        return row

    def list(self, request):
        return Response([session_representation(r) for r in AvatarSession.objects.active()])

    def create(self, request):
        options = {
            "avatar_name": settings.CONCIERGE_AVATAR,
            "quality": request.data.get("quality", "medium"),
            "version": "v2",
        }
        if settings.CONCIERGE_KNOWLEDGE_BASE:
            options["knowledge_base_id"] = settings.CONCIERGE_KNOWLEDGE_BASE
        try:
            data = heygen.streaming("new", **options)
            heygen.streaming("start", session_id=data["session_id"])
        except heygen.HeyGenUnavailable as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_502_BAD_GATEWAY)
        row = AvatarSession.objects.create(
            provider_session_id=data["session_id"], room_url=data["url"], room_token=data["access_token"]
        )
        return Response(session_representation(row), status=status.HTTP_201_CREATED)

    def retrieve(self, request, pk=None):
        return Response(session_representation(self._row(pk)))

    @action(detail=True, methods=["post"])
    def speak(self, request, pk=None):
        row = self._row(pk)
        speech = validated_speech(request.data)
        heygen.streaming("task", session_id=row.provider_session_id, **speech)
        return Response({"queued": True})

    @action(detail=True, methods=["post"], url_path="stop-talking")
    def stop_talking(self, request, pk=None):
        heygen.streaming("interrupt", session_id=self._row(pk).provider_session_id)
        return Response({"interrupted": True})

    def destroy(self, request, pk=None):
        row = self._row(pk)
        heygen.streaming("stop", session_id=row.provider_session_id)
        row.status = "closed"
        return Response(status=status.HTTP_204_NO_CONTENT)
