"""Declarative fields, is_valid()/validated_data for input, .data for output."""
from .exceptions import ValidationError

_empty = object()


class Field:
    def __init__(self, required=True, default=_empty, allow_null=False, **kwargs):
        self.required = required and default is _empty
        self.default = default
        self.allow_null = allow_null

    def to_internal_value(self, value):
        return value

    def to_representation(self, value):
        return value


class CharField(Field):
    def __init__(self, max_length=None, allow_blank=False, trim_whitespace=True, **kwargs):
        super().__init__(**kwargs)
        self.max_length = max_length
        self.allow_blank = allow_blank
        self.trim_whitespace = trim_whitespace

    def to_internal_value(self, value):
        value = str(value)
        if self.trim_whitespace:
            value = value.strip()
        if not value and not self.allow_blank:
            raise ValidationError("This field may not be blank.")
        if self.max_length is not None and len(value) > self.max_length:
            raise ValidationError(f"Ensure this field has no more than {self.max_length} characters.")
        return value


class URLField(CharField):
    pass


class ChoiceField(Field):
    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.choices = [c[0] if isinstance(c, tuple) else c for c in choices]

    def to_internal_value(self, value):
        if value not in self.choices:
            raise ValidationError(f'"{value}" is not a valid choice.')
        return value


class _SerializerMeta(type):
    def __new__(mcs, name, bases, attrs):
        fields = {}
        for base in bases:
            fields.update(getattr(base, "_declared_fields", {}))
        fields.update({k: v for k, v in attrs.items() if isinstance(v, Field)})
        attrs["_declared_fields"] = fields
        return super().__new__(mcs, name, bases, attrs)


class Serializer(metaclass=_SerializerMeta):
    def __init__(self, instance=None, data=_empty, **kwargs):
        self.instance = instance
        self.initial_data = data
        self._errors = None
        self._validated = None

    def is_valid(self, raise_exception=False):
        errors, validated = {}, {}
        for name, field in self._declared_fields.items():
            if name in self.initial_data:
                raw = self.initial_data[name]
                if raw is None and field.allow_null:
                    validated[name] = None
                    continue
                try:
                    validated[name] = field.to_internal_value(raw)
                except ValidationError as exc:
                    errors[name] = [exc.detail]
            elif field.required:
                errors[name] = ["This field is required."]
            elif field.default is not _empty:
                validated[name] = field.default
        if not errors:
            try:
                validated = self.validate(validated)
            except ValidationError as exc:
                errors["non_field_errors"] = [exc.detail]
        self._errors, self._validated = errors, validated
        if errors and raise_exception:
            raise ValidationError(errors)
        return not errors

    def validate(self, attrs):
        return attrs

    @property
    def errors(self):
        return self._errors

    @property
    def validated_data(self):
        return self._validated

    @property
    def data(self):
        if self.instance is None:
            return dict(self._validated or {})
        get = self.instance.get if isinstance(self.instance, dict) else lambda k: getattr(self.instance, k)
        return {name: field.to_representation(get(name)) for name, field in self._declared_fields.items()}
