"""Issue 16 (items 2, 8, 10) and issue 17: the sign-in, sign-up and second-factor limits.

Limits are counted in the database by `hub.ratelimit`: on the account and the client address,
never on the Host header; a stranger cannot use them to keep a member out; HEAD and OPTIONS
cost nothing; and they hold, without a 500, while the cache (Redis) is away.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse

from hub import clock
from hub.models import AuditEvent, RateLimitCounter
from tests import factories
from tests.accounts.test_signup import form_data
from tests.conftest import sign_in
from tests.twofactor.conftest import confirmed_totp, totp_code, verified_email

pytestmark = pytest.mark.django_db

PAIR, PAIR_WINDOW = settings.HUB_RATE_LIMITS["signin_failed_account_address"]
ACCOUNT, _ = settings.HUB_RATE_LIMITS["signin_failed_account"]
ATTEMPTS, _ = settings.HUB_RATE_LIMITS["signin_address"]
SIGNUPS, _ = settings.HUB_RATE_LIMITS["signup_address"]
CODES, _ = settings.HUB_RATE_LIMITS["twofactor_failed_session"]
CODES_PER_ACCOUNT, _ = settings.HUB_RATE_LIMITS["twofactor_failed_account"]
WRONG = "wrong password 4711"
NEW_PASSWORD = "a brand new passphrase 2026"


@pytest.fixture(autouse=True)
def _at_the_start_of_a_minute():
    """Limits count in fixed windows (a minute for the sign-in forms): a test's loop of
    attempts starts a window, so it cannot straddle two and see its count split."""
    seconds = clock.now().timestamp()
    with clock.travel(timedelta(seconds=60 - seconds % 60 + 0.01)):
        yield


@pytest.fixture(autouse=True)
def _no_device_delay(settings):
    # django-otp's own per-device delay would refuse a right code straight after a wrong one.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


@pytest.fixture
def member(db):
    user = factories.MemberFactory()
    verified_email(user)
    confirmed_totp(user)
    return user


def sign_in_with(client, email, password, *, ip="198.51.100.7", **extra):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip, **extra
    )


def refused(response) -> bool:
    return response.status_code == 200 and b"Too many failed login attempts" in response.content


# --- Item 8: the Host header is not part of any key -------------------------------------------


def test_wrong_passwords_under_a_new_port_each_time_are_still_counted(client, member, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "hub-a.example", "hub-b.example"]
    hosts = [f"127.0.0.1:{port}" for port in range(40001, 40001 + PAIR)]
    for host in hosts:
        assert not refused(sign_in_with(client, member.email, WRONG, HTTP_HOST=host))
    # Once the limit is reached, no host, port or node name makes a fresh count.
    for host in ("127.0.0.1:49999", "hub-a.example", "hub-b.example:8443"):
        response = sign_in_with(client, member.email, factories.TEST_PASSWORD, HTTP_HOST=host)
        assert refused(response), host
    assert "_auth_user_id" not in client.session


def test_two_web_nodes_under_different_names_count_together(client, member, settings):
    settings.ALLOWED_HOSTS = ["hub-a.example", "hub-b.example"]
    for n in range(PAIR):
        host = "hub-a.example" if n % 2 else "hub-b.example:8000"
        sign_in_with(client, member.email, WRONG, HTTP_HOST=host)
    assert refused(sign_in_with(client, member.email, WRONG, HTTP_HOST="hub-a.example"))


# --- Item 2: a lock-out is not a weapon ----------------------------------------------------------


def test_a_stranger_on_rotating_addresses_cannot_keep_the_member_out(client_factory, member):
    attacker = client_factory()
    for n in range(ACCOUNT + 5):
        sign_in_with(attacker, member.email, WRONG, ip=f"203.0.113.{n + 1}")
    # Every address that failed is refused now, with the way out offered ...
    response = sign_in_with(attacker, member.email, factories.TEST_PASSWORD, ip="203.0.113.1")
    assert refused(response)
    assert b"reset your password" in response.content
    assert "_auth_user_id" not in attacker.session
    # ... and the member, from an address that has not failed, gets in with both factors.
    own = client_factory()
    response = sign_in_with(own, member.email, factories.TEST_PASSWORD)
    assert response.status_code == 302
    response = own.post(reverse("twofactor:verify"), {"code": totp_code(confirmed_totp(member))})
    assert response.status_code == 302
    assert own.get("/catalog/").status_code == 200
    assert AuditEvent.objects.filter(action="auth.locked_out", details__limit="account").exists()


def test_an_address_is_refused_after_its_own_failures_for_an_account(client, member):
    for _ in range(PAIR):
        sign_in_with(client, member.email, WRONG, ip="192.0.2.50")
    assert refused(sign_in_with(client, member.email, factories.TEST_PASSWORD, ip="192.0.2.50"))
    with clock.travel(timedelta(seconds=PAIR_WINDOW)):
        response = sign_in_with(client, member.email, factories.TEST_PASSWORD, ip="192.0.2.50")
    assert response.status_code == 302


def test_the_account_limit_still_binds_an_address_that_failed_once(client, member):
    for n in range(ACCOUNT):
        sign_in_with(client, member.email, WRONG, ip=f"203.0.113.{n + 1}")
    # A fresh address may try, once: after one failure it is refused like the others.
    assert not refused(sign_in_with(client, member.email, WRONG, ip="192.0.2.99"))
    assert refused(sign_in_with(client, member.email, factories.TEST_PASSWORD, ip="192.0.2.99"))


def test_no_email_or_address_is_stored_with_the_counters(client, member):
    sign_in_with(client, member.email, WRONG, ip="192.0.2.77")
    keys = " ".join(RateLimitCounter.objects.values_list("key", flat=True))
    assert keys and member.email not in keys and "192.0.2.77" not in keys


def reset_password(client, user, *, ip: str) -> None:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    url = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    response = client.get(url, REMOTE_ADDR=ip)
    password = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    response = client.post(response["Location"], password, REMOTE_ADDR=ip)
    assert response.status_code == 302


def test_a_password_reset_lifts_the_account_limit(client, member):
    for n in range(ACCOUNT):
        sign_in_with(client, member.email, WRONG, ip=f"203.0.113.{n + 1}")
    assert refused(sign_in_with(client, member.email, factories.TEST_PASSWORD, ip="203.0.113.1"))
    reset_password(client, member, ip="203.0.113.1")
    response = sign_in_with(client, member.email, NEW_PASSWORD, ip="203.0.113.1")
    assert response.status_code == 302


# --- Item 2, second factor: per session and per account ---------------------------------------


def test_codes_guessed_in_another_session_do_not_lock_out_the_member(client_factory, member):
    attackers = [sign_in(client_factory(), member, verified=False) for _ in range(4)]
    for attacker in attackers:
        for _ in range(CODES):
            attacker.post(reverse("twofactor:verify"), {"code": "000000"})
        response = attacker.post(reverse("twofactor:verify"), {"code": "000000"})
        assert b"Too many wrong codes" in response.content
    assert 4 * CODES >= CODES_PER_ACCOUNT
    # Past the account's limit, a session that failed even once is refused the right code ...
    late = sign_in(client_factory(), member, verified=False)
    late.post(reverse("twofactor:verify"), {"code": "000000"})
    response = late.post(reverse("twofactor:verify"), {"code": totp_code(confirmed_totp(member))})
    assert b"Too many wrong codes" in response.content
    # ... while the member's own session, clean, gets in.
    own = sign_in(client_factory(), member, verified=False)
    response = own.post(reverse("twofactor:verify"), {"code": totp_code(confirmed_totp(member))})
    assert response.status_code == 302
    assert own.get("/catalog/").status_code == 200


# --- Item 10: HEAD and OPTIONS use up no quota ---------------------------------------------------


@pytest.mark.parametrize("method", ["head", "options"])
def test_head_and_options_use_up_no_sign_in_or_sign_up_quota(client, member, method):
    for _ in range(max(ATTEMPTS, SIGNUPS) + 1):
        getattr(client, method)(reverse("account_login"), REMOTE_ADDR="198.51.100.7")
        getattr(client, method)(reverse("account_signup"), REMOTE_ADDR="198.51.100.7")
    response = client.post(reverse("account_signup"), form_data(), REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302
    assert sign_in_with(client, member.email, factories.TEST_PASSWORD).status_code == 302


def test_posting_the_forms_is_still_limited_per_address(client, member):
    for _ in range(ATTEMPTS):
        sign_in_with(client, "nobody@example.org", WRONG, ip="192.0.2.1")
    assert sign_in_with(client, member.email, WRONG, ip="192.0.2.1").status_code == 429
    assert sign_in_with(client, member.email, WRONG, ip="192.0.2.2").status_code != 429


# --- Issue 17: Redis down --------------------------------------------------------------------


@pytest.fixture
def cache_away(settings):
    """The shared cache points at a closed port: every cache call raises a connection error."""
    before = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    from django.core.cache import cache

    with pytest.raises(Exception):  # noqa: B017, PT011 - redis' ConnectionError
        cache.get("anything")
    yield
    settings.CACHES = before  # before the suite's own fixtures clear the cache


def test_sign_in_works_and_is_limited_while_the_cache_is_away(client, member, cache_away):
    for _ in range(PAIR):
        assert not refused(sign_in_with(client, member.email, WRONG))
    assert refused(sign_in_with(client, member.email, factories.TEST_PASSWORD))
    response = sign_in_with(client, member.email, factories.TEST_PASSWORD, ip="192.0.2.8")
    assert response.status_code == 302
    response = client.post(reverse("twofactor:verify"), {"code": "000000"})
    assert b"not right" in response.content
    response = client.post(reverse("twofactor:verify"), {"code": totp_code(confirmed_totp(member))})
    assert response.status_code == 302


def test_sign_up_works_and_is_limited_while_the_cache_is_away(client, cache_away):
    for n in range(SIGNUPS):
        response = client.post(
            reverse("account_signup"), form_data(email=f"jo{n}@police.example.org")
        )
        assert response.status_code == 302, response.content[:200]
    response = client.post(reverse("account_signup"), form_data(email="late@police.example.org"))
    assert response.status_code == 429


def test_expired_counters_are_purged_and_live_ones_kept(client, member):
    from hub.tasks import purge_rate_limits

    sign_in_with(client, member.email, WRONG)
    live = RateLimitCounter.objects.count()
    assert live == 4  # the attempt, and the failure per account and address, account, address
    assert purge_rate_limits() == 0
    with clock.travel(timedelta(hours=2)):
        assert purge_rate_limits() == live
    assert not RateLimitCounter.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_counts_all_count():
    """Eight requests counting one key at once: the upsert loses none of them."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    from hub import ratelimit

    limit = ratelimit.Limit("race", 100, 60)

    def count_three(_):
        try:
            return [ratelimit.hit(limit, "someone@example.org") for _ in range(3)]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        seen = [n for counts in pool.map(count_three, range(8)) for n in counts]
    assert sorted(seen) == list(range(1, 25))
    assert ratelimit.count(limit, "someone@example.org") == 24
