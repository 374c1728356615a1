"""Run the scripted show through whichever provider AVATAR_PROVIDER selects."""

from .providers import Stage, get_provider

SCRIPT = [
    ("repeat", "Good evening and welcome to the show."),
    ("answer", "What is tonight's main act?"),
    ("hush", ""),
    ("repeat", "Enjoy the evening."),
]


def run_show(on_stage=print, script=SCRIPT) -> Stage:
    provider = get_provider()
    stage = provider.open()
    on_stage(stage)
    try:
        for kind, text in script:
            if kind == "hush":
                provider.hush()
            else:
                provider.say(text, kind=kind)
    finally:
        provider.close()
    return stage
