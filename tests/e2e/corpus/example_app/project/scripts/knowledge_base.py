"""Create or list HeyGen knowledge bases used by "chat" tasks.

    python scripts/knowledge_base.py list
    python scripts/knowledge_base.py create "Front desk" prompts/front_desk.txt
"""

import json
import os
import sys
from urllib.request import Request, urlopen

API_KEY = os.environ.get("HEYGEN_API_KEY", "")
KB_URL = "https://api.heygen.com/v1/streaming/knowledge_base"


def _call(url, payload=None):
    data = json.dumps(payload).encode() if payload is not None else None
    req = Request(url, data=data, method="POST" if data else "GET")
    req.add_header("x-api-key", API_KEY)
    req.add_header("Content-Type", "application/json")
    with urlopen(req, timeout=30) as resp:
        return json.loads(resp.read().decode())


def create_knowledge_base(name, prompt, opening="Hi! How can I help you today?"):
    body = {"name": name, "opening": opening, "prompt": prompt}
    result = _call(f"{KB_URL}/create", body)
    return result["data"]["id"]


def list_knowledge_bases():
    result = _call(KB_URL + "/list")
    # The response has been seen both as data[] and data.list[].
    data = result["data"]
    return data["list"] if isinstance(data, dict) else data


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "create":
        with open(sys.argv[3], encoding="utf-8") as fh:
            kb_id = create_knowledge_base(sys.argv[2], fh.read())
        print(f"created knowledge base {kb_id}; set HEYGEN_KNOWLEDGE_BASE_ID={kb_id}")
    else:
        for kb in list_knowledge_bases():
            print(kb["id"], kb["name"])
