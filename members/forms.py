from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from core.links import absolute_url
from core.mail import send_mail


def account_username(typed):
    """The username of the account a login names. Usernames are the email address in lower
    case, and people type it in any case; a few accounts (the local superuser) have another
    username, and may log in with it or with their email address. Unknown names come back in
    lower case, so that django-axes counts "Name@X" and "name@x" as one username, and a
    password reset lifts exactly the lock-outs counted (members.models.User.save)."""
    User = get_user_model()
    for match in (Q(username=typed), Q(username__iexact=typed), Q(email__iexact=typed)):
        usernames = list(User.objects.filter(match).values_list("username", flat=True)[:2])
        if len(usernames) == 1:  # two accounts that differ only in case: ambiguous
            return usernames[0]
    return typed.lower()


class EmailLoginMixin:
    """The login field is the email address: labelled so, an email input (the right
    keyboard on a phone, the browser's saved logins), left to right in a Hebrew page, and
    normalised (account_username) before the login is checked and counted."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The email address or the password is wrong."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        # The email field's own name ("דואר אלקטרוני"), as Django labels a model's fields.
        username.label = capfirst(_("email"))
        # The form is sent with novalidate: a username that is not an address still goes.
        username.widget.input_type = "email"
        username.widget.attrs.update(
            autocomplete="username", autocapitalize="none", spellcheck="false", dir="ltr"
        )
        username.widget.attrs.pop("placeholder", None)  # Wagtail's: "Enter your username"
        # Django's form gives the field the model's max length but never checks it: a longer
        # name went on to authenticate(), and django-axes's log of the failure (a
        # 255-character column) raised a DataError on PostgreSQL.
        username.validators.append(MaxLengthValidator(username.max_length))

    def clean_username(self):
        return account_username(self.cleaned_data["username"])


class SiteLoginForm(EmailLoginMixin, AuthenticationForm):
    pass


class AcceptInvitationForm(forms.Form):
    """Name and a new password for someone joining by invitation (only the names when the
    address already has an account)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("The password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, needs_password=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_password:
            for name in ("first_name", "last_name", "password1", "password2"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data

    def create_user(self, email):
        return get_user_model().objects.create_user(
            username=email.lower(),
            email=email.lower(),
            password=self.cleaned_data["password1"],
            first_name=self.cleaned_data["first_name"],
            last_name=self.cleaned_data["last_name"],
        )


class PasswordResetForm(DjangoPasswordResetForm):
    """Django's form, sending through core.mail like the rest of the site, with the link on
    the configured base URL like every other email's (Django's would take the request's
    host)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        path = reverse(
            "account:password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        context = {**context, "url": absolute_url(path)}
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        send_mail(subject, render_to_string(email_template_name, context), [to_email])


class AdminLoginForm(EmailLoginMixin, LoginForm):
    """Wagtail's login form, whose password field has no label of its own: Django then
    shows the field's name, "Password", in every language. Without its "remember me": a
    session ends when the browser closes (SESSION_EXPIRE_AT_BROWSER_CLOSE), and Wagtail
    would give a remembered one a two-week cookie instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
        del self.fields["remember"]
