"""Generated client package (OpenAPI Generator 7)."""
