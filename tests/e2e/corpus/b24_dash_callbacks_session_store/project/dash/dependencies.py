class _Dependency:
    def __init__(self, component_id, component_property, allow_duplicate=False):
        self.component_id = component_id
        self.component_property = component_property
        self.allow_duplicate = allow_duplicate


class Input(_Dependency):
    pass


class Output(_Dependency):
    pass


class State(_Dependency):
    pass
