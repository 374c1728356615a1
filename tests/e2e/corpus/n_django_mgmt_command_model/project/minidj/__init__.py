"""Tiny stand-in for the bits of Django this app uses (models.Model with objects, BaseCommand)."""


class _Manager:
    def __init__(self):
        self.rows = []

    def create(self, model, **kw):
        obj = model(**kw)
        obj.pk = len(self.rows) + 1
        self.rows.append(obj)
        return obj

    def filter(self, **kw):
        return [r for r in self.rows if all(getattr(r, k) == v for k, v in kw.items())]


class Model:
    objects = None

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.objects = _Manager()

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    def save(self):
        pass


class CommandError(Exception):
    pass


class BaseCommand:
    help = ""

    def __init__(self):
        self.out = []

    def write(self, msg):
        self.out.append(msg)
        print(msg)

    def run_from_argv(self, argv):
        import argparse

        parser = argparse.ArgumentParser(prog=argv[0])
        self.add_arguments(parser)
        opts = vars(parser.parse_args(argv[1:]))
        return self.handle(**opts)
