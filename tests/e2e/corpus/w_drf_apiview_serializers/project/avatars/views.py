import os

from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView

from .heygen import HeyGenAPIError, get_client
from .serializers import SessionSerializer, SpeakSerializer, StartSessionSerializer

DEFAULT_AVATAR = os.environ.get("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.environ.get("HEYGEN_KNOWLEDGE_BASE_ID")


class UpstreamError(APIException):
    status_code = status.HTTP_502_BAD_GATEWAY
    default_detail = "The avatar service is unavailable."


class SessionListView(APIView):
    """POST /api/avatar/sessions/"""

    def post(self, request):
        serializer = StartSessionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        params = serializer.validated_data
        try:
            session = get_client().create_session(
                avatar_id=params.get("avatar_id") or DEFAULT_AVATAR,
                knowledge_base_id=KNOWLEDGE_BASE_ID,
                language=params["language"],
            )
        except HeyGenAPIError as exc:
            raise UpstreamError(str(exc))
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)


class SessionSpeakView(APIView):
    """POST /api/avatar/sessions/<session_id>/speak/"""

    def post(self, request, session_id):
        serializer = SpeakSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            get_client().send_task(session_id, **serializer.validated_data)
        except HeyGenAPIError as exc:
            raise UpstreamError(str(exc))
        return Response({"queued": True}, status=status.HTTP_202_ACCEPTED)


class SessionInterruptView(APIView):
    """POST /api/avatar/sessions/<session_id>/interrupt/"""

    def post(self, request, session_id):
        get_client().interrupt(session_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SessionDetailView(APIView):
    """DELETE /api/avatar/sessions/<session_id>/"""

    def delete(self, request, session_id):
        try:
            get_client().stop_session(session_id)
        except HeyGenAPIError as exc:
            raise UpstreamError(str(exc))
        return Response(status=status.HTTP_204_NO_CONTENT)
