"""Minimal stand-in for python-fire (the real package is not vendored in this repo).

Supports what avatar_cli.py uses: `Fire(cls)` instantiates the class, calls the method named
by the first argument with the remaining positionals and `--name=value` / `--name value`
flags, and prints the result (dicts as `key: value` lines, like fire does).
"""
import inspect
import sys


def _parse(argv):
    args, kwargs = [], {}
    i = 0
    while i < len(argv):
        item = argv[i]
        if item.startswith("--"):
            name, eq, value = item[2:].partition("=")
            if not eq:
                i += 1
                value = argv[i]
            kwargs[name.replace("-", "_")] = value
        else:
            args.append(item)
        i += 1
    return args, kwargs


def _print(result):
    if result is None:
        return
    if isinstance(result, dict):
        for key, value in result.items():
            print(f"{key}: {value}")
    else:
        print(result)


def Fire(component, command=None):
    argv = sys.argv[1:] if command is None else command.split()
    target = component() if inspect.isclass(component) else component
    if not argv:
        print("commands:", ", ".join(n for n in dir(target) if not n.startswith("_")))
        return None
    name, rest = argv[0], argv[1:]
    method = getattr(target, name)
    args, kwargs = _parse(rest)
    result = method(*args, **kwargs)
    _print(result)
    return result
