"""Helpers for the second-factor tests: real codes from a device's key, fresh re-authentication."""

import time

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tests.conftest import sign_in


@pytest.fixture(autouse=True)
def _fresh_throttles(settings):
    """Each test starts with no failure counts; django-otp's per-device delay is switched off
    so that a test can enter a right code straight after a wrong one (ours stays on)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    cache.clear()
    yield
    cache.clear()


def totp_code(device: TOTPDevice, steps: int = 0) -> str:
    """The code `device` shows now, or `steps` time steps away."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps * device.step
    return f"{totp.token():0{device.digits}d}"


def unused_code(device: TOTPDevice) -> str:
    """A code that is valid now and later than any the device has accepted."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    # Now or later, never earlier: a code from the previous step fails if the step changes
    # between making it here and checking it in the view.
    for steps in range(device.tolerance + 1):
        if totp.t() + steps > device.last_t:
            return totp_code(device, steps)
    raise AssertionError("no unused code in the tolerance window: the test used too many")


def confirmed_totp(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)


def reauthenticate(client, user) -> None:
    """Enter the password and a code again, the way a person does before changing factors."""
    response = client.post(reverse("account_reauthenticate"), {"password": factories.TEST_PASSWORD})
    assert response.status_code == 302, response.content
    response = client.post(reverse("twofactor:verify"), {"code": unused_code(confirmed_totp(user))})
    assert response.status_code == 302, response.content


def verified_email(user) -> None:
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


@pytest.fixture
def officer(db):
    user = factories.MemberFactory()
    user.user_permissions.add(Permission.objects.get(codename="reset_second_factor"))
    return user


@pytest.fixture
def officer_client(client_factory, officer):
    return sign_in(client_factory(), officer)


@pytest.fixture
def unverified_client(client, member):
    confirmed_totp(member)
    return sign_in(client, member, verified=False)
