import importlib
import os


class _LazySettings:
    _wrapped = None

    def __getattr__(self, name):
        if self._wrapped is None:
            self._wrapped = importlib.import_module(os.environ.get("DJANGO_SETTINGS_MODULE", "kiosk.settings"))
        return getattr(self._wrapped, name)


settings = _LazySettings()
