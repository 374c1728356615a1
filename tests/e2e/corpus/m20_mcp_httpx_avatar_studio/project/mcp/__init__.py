"""Vendored offline slice of the `mcp` SDK (FastMCP) so the server runs in CI without it."""
