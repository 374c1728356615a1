from django.urls import path

from avatars import views

urlpatterns = [
    path("api/sessions", views.create_session, name="create-session"),
    path("api/sessions/<str:session_id>/task", views.send_task, name="send-task"),
    path("api/sessions/<str:session_id>/interrupt", views.interrupt, name="interrupt"),
    path("api/sessions/<str:session_id>/stop", views.stop_session, name="stop-session"),
]
