# coding: utf-8
"""HeyGen Streaming API client (generated from the OpenAPI description, trimmed to what we use)."""
from heygen_streaming.api_client import ApiClient, ApiException
from heygen_streaming.configuration import Configuration
from heygen_streaming.models import (
    NewSessionData,
    NewSessionRequest,
    NewSessionResponse,
    SessionIdRequest,
    TaskRequest,
)
from heygen_streaming.streaming_api import StreamingApi
