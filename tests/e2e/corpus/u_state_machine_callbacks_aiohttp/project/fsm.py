"""The slice of the `transitions` library (AsyncMachine) this project uses, vendored so the
kiosk image has no extra wheel: states, triggers added as coroutine methods on the model,
``before``/``after`` callbacks by name, ``on_enter_<state>`` / ``on_exit_<state>`` hooks."""


class MachineError(Exception):
    pass


class AsyncMachine:
    def __init__(self, model, states, transitions, initial):
        self.model = model
        self.states = list(states)
        self._table = {}
        model.state = initial
        for spec in transitions:
            trigger = spec["trigger"]
            sources = spec["source"] if isinstance(spec["source"], list) else [spec["source"]]
            for source in sources:
                self._table[(trigger, source)] = spec
            if not hasattr(model, trigger):
                setattr(model, trigger, self._trigger(trigger))

    def _trigger(self, trigger):
        async def fire(*args, **kwargs):
            spec = self._table.get((trigger, self.model.state)) or self._table.get((trigger, "*"))
            if spec is None:
                raise MachineError(f"can't trigger {trigger!r} from state {self.model.state!r}")
            await self._call(spec.get("before"), *args, **kwargs)
            source, dest = self.model.state, spec["dest"]
            if dest != source:
                await self._call(f"on_exit_{source}", *args, **kwargs)
                self.model.state = dest
                await self._call(f"on_enter_{dest}", *args, **kwargs)
            await self._call(spec.get("after"), *args, **kwargs)
            return True

        return fire

    async def _call(self, name, *args, **kwargs):
        method = getattr(self.model, name, None) if name else None
        if method is not None:
            await method(*args, **kwargs)
