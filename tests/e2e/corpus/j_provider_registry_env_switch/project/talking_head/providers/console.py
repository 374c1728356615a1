from .base import Provider, Stage


class ConsoleProvider(Provider):
    """Offline provider for rehearsals: prints what the avatar would say."""

    name = "console"

    def open(self) -> Stage:
        print("[stage] open")
        return Stage("console", "", "")

    def say(self, text: str, *, kind: str = "repeat") -> None:
        print(f"[{kind}] {text}")

    def hush(self) -> None:
        print("[stage] hush")

    def close(self) -> None:
        print("[stage] close")
