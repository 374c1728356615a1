from .views import InterruptView, SayView, SessionView


def path(route, view, name=None):
    return (route, view, name)


urlpatterns = [
    path("avatar/session/", SessionView.as_view(), name="avatar-session"),
    path("avatar/say/", SayView.as_view(), name="avatar-say"),
    path("avatar/interrupt/", InterruptView.as_view(), name="avatar-interrupt"),
]


def resolve(url):
    for route, view, _name in urlpatterns:
        if url.lstrip("/") == route:
            return view
    raise LookupError(url)
