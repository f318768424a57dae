from django.urls import path

from . import stop_views, views

app_name = "registrations"
urlpatterns = [
    path("<id:page_id>/register/", views.register, name="register"),
    path("registration/<str:token>/", views.registration, name="registration"),
    path("registration/<str:token>/cancel/", views.cancel, name="cancel"),
    path("registration/<str:token>/accept/", views.accept, name="accept"),
    path("registration/<str:token>/stop/", stop_views.stop, name="stop"),
]
