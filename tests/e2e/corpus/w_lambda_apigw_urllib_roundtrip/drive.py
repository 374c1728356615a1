"""The widget's browser calls, as API Gateway hands them to the function (each a fresh event)."""

import json

import e2e_support
from lambda_function import lambda_handler


class Context:
    function_name = "avatar-widget"
    aws_request_id = "req-1"


def invoke(route, body=None, **path):
    event = {
        "version": "2.0",
        "routeKey": route,
        "rawPath": route.split(" ", 1)[1],
        "pathParameters": path or None,
        "body": json.dumps(body) if body is not None else None,
        "isBase64Encoded": False,
    }
    result = lambda_handler(event, Context())
    assert result["statusCode"] < 300, result
    return json.loads(result["body"])


opened = invoke("POST /avatar/sessions", {})
e2e_support.viewer.join(opened["url"], opened["accessToken"])
sid = opened["sessionId"]
invoke(
    "POST /avatar/sessions/{sessionId}/say",
    {"text": "Hi! Ask me about our pricing plans."},
    sessionId=sid,
)
invoke(
    "POST /avatar/sessions/{sessionId}/say",
    {"text": "The team plan includes ten seats."},
    sessionId=sid,
)
invoke("POST /avatar/sessions/{sessionId}/stop", {}, sessionId=sid)
