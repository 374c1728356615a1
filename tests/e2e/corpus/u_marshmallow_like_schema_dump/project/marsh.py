"""Just enough of marshmallow for this service (the container image has no marshmallow wheel).

Same spelling as the real thing: ``fields.Str(required=True)``, ``fields.Nested(Other)``,
``data_key=``, ``dump_default=``, ``load_default=``, ``class Meta: unknown = EXCLUDE``,
``@post_load``. Swap the import for ``marshmallow`` and nothing else changes.
"""

EXCLUDE = "exclude"
RAISE = "raise"
_missing = object()


class ValidationError(Exception):
    pass


class Field:
    def __init__(self, *, required=False, allow_none=False, data_key=None, dump_default=_missing, load_default=_missing):
        self.required = required
        self.allow_none = allow_none
        self.data_key = data_key
        self.dump_default = dump_default
        self.load_default = load_default

    def serialize(self, value):
        return value

    def deserialize(self, value):
        return value


class Str(Field):
    def deserialize(self, value):
        if value is not None and not isinstance(value, str):
            raise ValidationError(f"not a string: {value!r}")
        return value


class Float(Field):
    def serialize(self, value):
        return None if value is None else float(value)


class Nested(Field):
    def __init__(self, schema, **kwargs):
        super().__init__(**kwargs)
        self.schema = schema

    def serialize(self, value):
        return None if value is None else self.schema().dump(value)

    def deserialize(self, value):
        return None if value is None else self.schema().load(value)


class fields:  # noqa: N801 - module-like namespace, as in marshmallow
    Str = Str
    String = Str
    Float = Float
    Nested = Nested


def post_load(fn):
    fn.__post_load__ = True
    return fn


class Schema:
    class Meta:
        unknown = RAISE

    def __init__(self):
        self._fields = {
            name: value for klass in reversed(type(self).__mro__)
            for name, value in vars(klass).items() if isinstance(value, Field)
        }

    def _get(self, obj, name):
        if isinstance(obj, dict):
            return obj.get(name, _missing)
        return getattr(obj, name, _missing)

    def dump(self, obj):
        out = {}
        for name, field in self._fields.items():
            value = self._get(obj, name)
            if value is _missing:
                if field.dump_default is _missing:
                    continue
                value = field.dump_default
            if value is None and not field.allow_none:
                continue
            out[field.data_key or name] = field.serialize(value)
        return out

    def load(self, data):
        result = {}
        known = set()
        for name, field in self._fields.items():
            key = field.data_key or name
            known.add(key)
            if key in data:
                result[name] = field.deserialize(data[key])
            elif field.load_default is not _missing:
                result[name] = field.load_default
            elif field.required:
                raise ValidationError({key: ["Missing data for required field."]})
        extra = set(data) - known
        if extra and getattr(self.Meta, "unknown", RAISE) == RAISE:
            raise ValidationError({k: ["Unknown field."] for k in sorted(extra)})
        for attr in dir(type(self)):
            hook = getattr(self, attr)
            if getattr(hook, "__post_load__", False):
                result = hook(result)
        return result
