from django.urls import path

from avatars import views

urlpatterns = [
    path("avatar/start", views.start, name="avatar-start"),
    path("avatar/speak", views.speak, name="avatar-speak"),
    path("avatar/end", views.end, name="avatar-end"),
]
