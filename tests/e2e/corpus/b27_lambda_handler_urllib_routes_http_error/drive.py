"""API Gateway (HTTP API v2 events) in front of the Lambda: start, join, speak twice, stop."""

import json

from e2e_support import viewer
from handler import lambda_handler


def invoke(path: str, body: dict | None = None) -> dict:
    event = {
        "version": "2.0",
        "rawPath": path,
        "requestContext": {"http": {"method": "POST", "path": path}},
        "body": json.dumps(body or {}),
        "isBase64Encoded": False,
    }
    result = lambda_handler(event, None)
    assert result["statusCode"] == 200, result
    return json.loads(result["body"])


room = invoke("/start")
viewer.join(room["livekitUrl"], room["livekitToken"])
invoke("/speak", {"sessionId": room["sessionId"], "text": "Hi, I'm served from a Lambda."})
invoke("/speak", {"sessionId": room["sessionId"], "text": "Cold starts are my nemesis."})
invoke("/stop", {"sessionId": room["sessionId"]})
