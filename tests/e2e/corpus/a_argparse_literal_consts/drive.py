"""A user runs the CLI twice: list active sessions, then a Portuguese session."""

import avatar_cli

assert avatar_cli.main(["--list"]) == 0
assert (
    avatar_cli.main(
        [
            "--quality",
            "medium",
            "--language",
            "pt-BR",
            "--voice-rate",
            "1.1",
            "--task-type",
            "repeat",
            "--interrupt",
            "Olá! Bem-vindo à nossa loja.",
            "Como posso ajudar hoje?",
        ]
    )
    == 0
)
