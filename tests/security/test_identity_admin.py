"""Issue 16, item 1: nobody takes over a member's account through the admin.

The attack: add a TOTP device with a key of one's choosing for the victim, make the victim's
email address one's own mailbox, ask for a password reset, sign in. Every admin URL of the
sign-in identity models is tried here, as an administrator (the role) and as the operator's
break-glass superuser, by GET and by POST.
"""

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from hub.admin_site import SecondFactorAdmin, SignInIdentityAdmin
from tests import factories
from tests.conftest import sign_in
from tests.security.personas import ADMINISTRATOR, NO_PASSWORD, grant_role
from twofactor.models import BackupCodeDevice

pytestmark = pytest.mark.django_db

IDENTITY_MODELS = [EmailAddress, TOTPDevice, BackupCodeDevice, UserSession, WebAuthnCredential]
SECOND_FACTORS = [TOTPDevice, BackupCodeDevice]
ATTACKER_KEY = "3132333435363738393031323334353637383930"  # the RFC 6238 test key


def _administrator():
    user = factories.MemberFactory(password=NO_PASSWORD)
    grant_role(user, ADMINISTRATOR)
    return user


def _break_glass_superuser():
    user = get_user_model().objects.create_superuser("operator@hub.example.org", None)
    user.membership_valid_until = timezone.now() + timezone.timedelta(days=30)
    user.save()
    user.accept_terms()  # on the page that asks for it at the first admin visit
    return user


ATTACKERS = {"administrator": _administrator, "superuser": _break_glass_superuser}


@pytest.fixture(params=sorted(ATTACKERS))
def attacker(request):
    user = ATTACKERS[request.param]()
    return user, sign_in(Client(), user)


@pytest.fixture
def victim():
    """A member with every kind of sign-in identity the admin might show."""
    user = factories.MemberFactory(password=NO_PASSWORD, email="victim@police.example.org")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    TOTPDevice.objects.create(user=user, name="Victim's phone", confirmed=True)
    BackupCodeDevice.objects.create(user=user, name="Backup codes", confirmed=True).regenerate()
    UserSession.objects.create(
        user=user, session_key="victimsessionkey0123456789abcdef", ip="192.0.2.7", user_agent="x"
    )
    return user


def _url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def _identity(user):
    """Everything about `user`'s sign-in identity that an attacker would change."""
    user.refresh_from_db()
    return {
        "email": user.email,
        "password": user.password,
        "is_superuser": user.is_superuser,
        "addresses": sorted(
            EmailAddress.objects.filter(user=user).values_list("email", "primary", "verified")
        ),
        "totp": sorted(TOTPDevice.objects.filter(user=user).values_list("pk", "key", "confirmed")),
        "backup": sorted(BackupCodeDevice.objects.filter(user=user).values_list("pk", "confirmed")),
        "sessions": sorted(UserSession.objects.filter(user=user).values_list("session_key")),
    }


def test_every_identity_model_in_the_admin_is_view_only():
    registered = [model for model in IDENTITY_MODELS if model in admin.site._registry]
    assert {TOTPDevice, EmailAddress, BackupCodeDevice, UserSession} <= set(registered)
    for model in registered:
        assert isinstance(admin.site._registry[model], SignInIdentityAdmin), model
    for model in SECOND_FACTORS:
        assert isinstance(admin.site._registry[model], SecondFactorAdmin), model
    # No user admin: no email, password or superuser flag to set on anyone.
    assert get_user_model() not in admin.site._registry


def test_the_takeover_through_the_admin_fails(attacker, victim):
    _user, client = attacker
    before = _identity(victim)

    response = client.post(
        _url(TOTPDevice, "add"),
        {
            "user": victim.pk,
            "name": "Attacker's phone",
            "confirmed": "on",
            "key": ATTACKER_KEY,
            "step": 30,
            "t0": 0,
            "digits": 6,
            "tolerance": 1,
            "drift": 0,
            "throttling_failure_count": 0,
        },
    )
    assert response.status_code == 403
    address = EmailAddress.objects.get(user=victim)
    response = client.post(
        _url(EmailAddress, "change", address.pk),
        {"user": victim.pk, "email": "attacker@evil.example", "primary": "on", "verified": "on"},
    )
    assert response.status_code == 403
    response = client.post(
        _url(EmailAddress, "add"),
        {"user": victim.pk, "email": "attacker@evil.example", "primary": "on", "verified": "on"},
    )
    assert response.status_code == 403

    assert _identity(victim) == before
    assert not TOTPDevice.objects.filter(key=ATTACKER_KEY).exists()
    assert not EmailAddress.objects.filter(email="attacker@evil.example").exists()


@pytest.mark.parametrize("model", [EmailAddress, TOTPDevice, BackupCodeDevice, UserSession])
def test_every_admin_url_of_an_identity_model_refuses_changes(attacker, victim, model):
    user, client = attacker
    before = _identity(victim)
    obj = model.objects.filter(user=victim).first()
    changelist = _url(model, "changelist")

    assert client.get(changelist).status_code == 200
    assert client.get(_url(model, "add")).status_code == 403
    assert client.post(_url(model, "add"), {"user": victim.pk}).status_code == 403
    # The change page is a read-only view: no form to post, and a post changes nothing.
    page = client.get(_url(model, "change", obj.pk))
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    response = client.post(_url(model, "change", obj.pk), {"user": user.pk, "name": "mine"})
    assert response.status_code == 403
    # No bulk actions, "delete selected" included.
    response = client.post(
        changelist, {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
    )
    assert response.status_code in (200, 302)
    assert client.get(_url(model, "history", obj.pk)).status_code == 200

    delete = _url(model, "delete", obj.pk)
    for method in ("get", "post"):
        response = getattr(client, method)(delete, {"post": "yes"})
        if model in SECOND_FACTORS:
            # Deleting a factor is the audited reset, with its reason, email and sign-out.
            assert response.status_code == 302
            assert response["Location"] == reverse("twofactor:reset", args=[victim.public_id])
        else:
            assert response.status_code == 403
    assert _identity(victim) == before


def test_no_identity_admin_page_shows_a_secret(attacker, victim):
    _user, client = attacker
    device = TOTPDevice.objects.get(user=victim)
    session = UserSession.objects.get(user=victim)
    pages = [
        client.get(_url(TOTPDevice, "change", device.pk)),
        client.get(_url(TOTPDevice, "changelist")),
        client.get(_url(UserSession, "change", session.pk)),
        client.get(_url(UserSession, "changelist")),
    ]
    for page in pages:
        assert page.status_code == 200
        assert device.key.encode() not in page.content
        assert session.session_key.encode() not in page.content


def test_the_reset_the_delete_button_leads_to_emails_the_member_and_ends_their_sessions(
    victim, django_capture_on_commit_callbacks, mailoutbox
):
    user = _administrator()
    client = sign_in(Client(), user)
    device = TOTPDevice.objects.get(user=victim)
    reset = client.get(_url(TOTPDevice, "delete", device.pk))["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reset,
            {"identity_checked": "on", "reason": "Identity checked by phone with their unit."},
        )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=victim).exists()
    assert not BackupCodeDevice.objects.filter(user=victim).exists()
    assert not UserSession.objects.filter(user=victim).exists()
    assert [m.to for m in mailoutbox] == [[victim.email]]


def test_a_curator_may_not_even_open_the_reset(victim):
    user = factories.MemberFactory(password=NO_PASSWORD)
    grant_role(user, "curator")
    client = sign_in(Client(), user)
    device = TOTPDevice.objects.get(user=victim)
    assert client.get(_url(TOTPDevice, "delete", device.pk)).status_code == 403
    assert client.get(_url(TOTPDevice, "change", device.pk)).status_code == 403
