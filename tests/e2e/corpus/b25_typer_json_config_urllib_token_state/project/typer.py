"""Minimal stand-in for Typer (not installed on the kiosk image): commands from functions,
options from `Option(default, "--flag")` defaults, positionals for parameters without one."""
import enum
import inspect
import sys


class Exit(Exception):
    def __init__(self, code=0):
        super().__init__(code)
        self.exit_code = code


class _Option:
    def __init__(self, default, *flags, help=None):
        self.default = default
        self.flags = flags
        self.help = help


def Option(default=None, *flags, help=None):
    return _Option(default, *flags, help=help)


def echo(message="", err=False):
    print(message, file=sys.stderr if err else sys.stdout)


class Typer:
    def __init__(self, help=None):
        self.help = help
        self.commands = {}

    def command(self, name=None):
        def register(func):
            self.commands[name or func.__name__.replace("_", "-")] = func
            return func

        return register

    def __call__(self, args=None):
        args = list(sys.argv[1:] if args is None else args)
        if not args or args[0] not in self.commands:
            echo(f"commands: {', '.join(self.commands)}", err=True)
            sys.exit(2)
        func = self.commands[args.pop(0)]
        kwargs, positionals = {}, []
        params = inspect.signature(func).parameters
        flags = {}
        for pname, param in params.items():
            if isinstance(param.default, _Option):
                kwargs[pname] = param.default.default
                for flag in param.default.flags or ("--" + pname.replace("_", "-"),):
                    flags[flag] = (pname, isinstance(param.default.default, bool))
        while args:
            item = args.pop(0)
            if item in flags:
                pname, is_bool = flags[item]
                value = True if is_bool else args.pop(0)
                default = params[pname].default.default
                if isinstance(default, enum.Enum):
                    value = type(default)(value)
                kwargs[pname] = value
            else:
                positionals.append(item)
        variadic = [p for p in params.values() if p.default is inspect.Parameter.empty]
        if len(variadic) == 1 and variadic[0].annotation in (list, "list", "List[str]", "list[str]"):
            positionals = [positionals]
        try:
            func(*positionals, **kwargs)
        except Exit as exc:
            sys.exit(exc.exit_code)
