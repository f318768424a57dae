from django.urls import path

from . import views

app_name = "newsletter"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("confirm/<str:code>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("erase/<str:token>/", views.erase, name="erase"),
]
