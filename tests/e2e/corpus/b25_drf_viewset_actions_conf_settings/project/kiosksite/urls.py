from rest_framework.routers import DefaultRouter

from concierge.views import AvatarSessionViewSet

router = DefaultRouter()
router.register("avatar-sessions", AvatarSessionViewSet, basename="avatar-session")
urlpatterns = router.urls
