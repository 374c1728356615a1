from heygen_client.auth import AuthMixin
from heygen_client.base import BaseMixin
from heygen_client.knowledge import KnowledgeBaseMixin
from heygen_client.session import SessionMixin
from heygen_client.task import TaskMixin


class HeyGenClient(AuthMixin, SessionMixin, TaskMixin, KnowledgeBaseMixin, BaseMixin):
    """Everything the help desk needs from HeyGen, one object."""
