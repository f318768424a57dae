from django.urls import path

from . import views

app_name = "enrollment"
urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("details/<str:token>/", views.details, name="details"),
    path("details/<str:token>/erase/", views.erase, name="erase"),
]
