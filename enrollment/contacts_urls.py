from django.urls import path

from . import contacts

app_name = "enrollment_contacts"
urlpatterns = [path("", contacts.my_contacts, name="list")]
