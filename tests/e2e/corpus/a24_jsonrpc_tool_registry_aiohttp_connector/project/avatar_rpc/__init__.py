"""A tiny JSON-RPC tool server (MCP-like) that lets an assistant drive a streaming avatar."""
