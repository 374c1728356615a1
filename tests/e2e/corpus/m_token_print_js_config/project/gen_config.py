#!/usr/bin/env python3
# Generates public/config.js with a fresh streaming token for the demo page.
# usage: python gen_config.py [--print-only]
# (tokens expire, re-run before each demo)
import json
import os
import sys
import requests

apiKey = os.environ.get("HEYGEN_API_KEY")
avatarName = os.environ.get("AVATAR_NAME", "Anna_public_3_20240108")
knowledgeId = os.environ.get("KNOWLEDGE_ID", "")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "public", "config.js")


def getAccessToken():
    # same as the /api/get-access-token route from the nextjs demo
    res = requests.post(
        "https://api.heygen.com/v1/streaming.create_token",
        headers={"x-api-key": apiKey},
    )
    print("create_token status:", res.status_code, file=sys.stderr)
    if res.status_code != 200:
        raise SystemExit("could not get token: " + res.text)
    data = res.json()
    # print(data)
    return data["data"]["token"]


def buildConfig(token):
    cfg = {
        "token": token,
        "avatarName": avatarName,
        "knowledgeId": knowledgeId or None,
        "language": "en",
        # "serverUrl": "https://api.heygen.com",
    }
    return "window.HEYGEN_CONFIG = " + json.dumps(cfg, indent=2) + ";\n"


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not apiKey:
        print("set HEYGEN_API_KEY first", file=sys.stderr)
        return 1
    try:
        token = getAccessToken()
    except Exception as e:
        print("ERROR", e, file=sys.stderr)
        return 2
    js = buildConfig(token)
    print(js)
    if "--print-only" not in argv:
        with open(OUT, "w") as f:
            f.write(js)
        print("wrote", OUT, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
