from . import views
from .http import JsonResponse

urlpatterns = [
    ("avatar/start/", views.start),
    ("avatar/say/", views.say),
    ("avatar/interrupt/", views.interrupt),
    ("avatar/close/", views.close),
]


def dispatch(request):
    path = request.path.lstrip("/")
    for pattern, view in urlpatterns:
        if pattern == path:
            return view(request)
    return JsonResponse({"error": "not found"}, status=404)
