"""An MCP server over stdio (JSON-RPC, one message per line) exposing a streaming avatar."""
