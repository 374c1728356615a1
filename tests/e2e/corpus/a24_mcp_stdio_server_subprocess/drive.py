"""An MCP host: spawn the server over stdio, call its tools; the chat UI embeds the room."""

import json
import subprocess
import sys

import e2e_support

server = subprocess.Popen(
    [sys.executable, "-m", "avatar_mcp"],
    stdin=subprocess.PIPE,
    stdout=subprocess.PIPE,
    text=True,
)
assert server.stdin is not None and server.stdout is not None


def rpc(n: int, method: str, **params: object) -> dict:
    server.stdin.write(
        json.dumps({"jsonrpc": "2.0", "id": n, "method": method, "params": params}) + "\n"
    )
    server.stdin.flush()
    return json.loads(server.stdout.readline())


def tool(n: int, name: str, **arguments: object) -> str:
    result = rpc(n, "tools/call", name=name, arguments=arguments)["result"]
    assert not result.get("isError"), result
    return result["content"][0]["text"]


assert rpc(1, "initialize")["result"]["serverInfo"]["name"] == "avatar-mcp"
assert len(rpc(2, "tools/list")["result"]["tools"]) == 3
room = json.loads(tool(3, "avatar_open"))
e2e_support.viewer.join(room["livekit_url"], room["token"])
assert tool(4, "avatar_say", text="Hi, I'm your assistant's face.") == "done"
assert tool(5, "avatar_say", text="Ask me anything.") == "done"
assert tool(6, "avatar_close") == "closed"
server.stdin.close()
assert server.wait(timeout=20) == 0
