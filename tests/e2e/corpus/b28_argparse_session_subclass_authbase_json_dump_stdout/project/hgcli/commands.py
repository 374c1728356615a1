"""One function per subcommand: (api, args) -> exit code."""
import json
import sys


def cmd_new(api, args):
    payload = {"avatar_id": args.avatar, "quality": args.quality, "version": "v2"}
    if args.voice:
        payload["voice"] = {"voice_id": args.voice, "rate": args.rate}
    data = api.call("streaming.new", payload)
    api.call("streaming.start", {"session_id": data["session_id"]})
    json.dump(data, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_speak(api, args):
    text = " ".join(args.text) if args.text else sys.stdin.read().strip()
    if not text:
        print("nothing to say", file=sys.stderr)
        return 1
    data = api.call(
        "streaming.task",
        {"session_id": args.session, "text": text, "task_type": "talk" if args.talk else "repeat"},
    )
    print(f"task {data['task_id']}")
    return 0


def cmd_interrupt(api, args):
    api.call("streaming.interrupt", {"session_id": args.session})
    return 0


def cmd_keepalive(api, args):
    api.call("streaming.keep_alive", {"session_id": args.session})
    print("ok")
    return 0


def cmd_stop(api, args):
    api.call("streaming.stop", {"session_id": args.session})
    print(f"stopped {args.session}")
    return 0
