import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from accounts import demo
from accounts.models import ApplicationState, User, VettingApplication

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_covers_every_state():
    demo.seed()
    demo.seed()
    states = set(VettingApplication.objects.values_list("state", flat=True))
    assert states == set(ApplicationState.values)
    assert User.objects.filter(email="applicant@demo.example.org").count() == 1
    officer = User.objects.get(email="officer@demo.example.org")
    assert officer.has_perm("accounts.vet_application") and officer.is_active_member
    assert User.objects.get(email="admin@demo.example.org").is_staff
    assert not User.objects.get(email="applicant@demo.example.org").is_active_member
    device = officer.totpdevice_set.get()
    assert device.confirmed and device.key == demo.TOTP_KEY and device.name == "Demo phone"
    assert authenticate(email="member@demo.example.org", password="demo-password-2026")


def test_seed_demo_command(capsys):
    call_command("seed_demo")
    assert "accounts:" in capsys.readouterr().out
