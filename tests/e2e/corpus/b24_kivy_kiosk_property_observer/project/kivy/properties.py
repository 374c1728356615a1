import copy


class Property:
    """Kivy property: assigning it dispatches ``on_<name>(instance, value)`` on the widget."""

    def __init__(self, defaultvalue=None, **kwargs):
        self.defaultvalue = defaultvalue

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        if self.name not in obj.__dict__:
            obj.__dict__[self.name] = copy.deepcopy(self.defaultvalue)
        return obj.__dict__[self.name]

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value
        observer = getattr(obj, "on_" + self.name, None)
        if observer is not None:
            observer(obj, value)


class StringProperty(Property):
    def __init__(self, defaultvalue="", **kwargs):
        super().__init__(defaultvalue, **kwargs)


class DictProperty(Property):
    def __init__(self, defaultvalue=None, **kwargs):
        super().__init__({} if defaultvalue is None else defaultvalue, **kwargs)


class NumericProperty(Property):
    def __init__(self, defaultvalue=0, **kwargs):
        super().__init__(defaultvalue, **kwargs)
