"""avatard: a small daemon that owns the lobby avatar; other processes control it over a
local JSON-lines socket (one command per line, one reply per line)."""
