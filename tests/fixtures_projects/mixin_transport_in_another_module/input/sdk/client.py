from sdk.base import BaseMixin
from sdk.session import SessionMixin


class Client(SessionMixin, BaseMixin):
    pass
