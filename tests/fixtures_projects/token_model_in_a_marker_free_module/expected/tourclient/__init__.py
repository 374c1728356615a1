"""A client generated from HeyGen's OpenAPI description, trimmed to what the app uses."""
