"""An operator session at the console, one command per line."""

import e2e_support
from avatar_console import AvatarConsole

console = AvatarConsole()
console.onecmd("open")
e2e_support.viewer.join(console.room["url"], console.room["access_token"])
for line in (
    "say Good afternoon, the store closes in fifteen minutes.",
    "ask Where can I find the gift cards?",
    "hush",
    "ping",
    "listen on",
    "listen off",
    "close",
):
    console.onecmd(line)
assert console.session_id is None
