from django.urls import path

from . import views

app_name = "legal"
urlpatterns = [
    path("", views.my_requests, name="my_requests"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/files/<uuid:file_id>/", views.download, name="download"),
]
