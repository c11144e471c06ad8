"""Weekly community job: a digest of new replies in the threads each member follows.

Safe to run twice: each follow is claimed with a conditional update before it is read, and
the notification's key is per member and ISO week.
"""

from __future__ import annotations

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from community.models import Post, ThreadFollow
from community.services import week_of
from hub import clock
from notifications.services import notify

DIGEST_MAX_THREADS = 20


@shared_task(time_limit=600, soft_time_limit=540)
def send_thread_digests() -> int:
    """Email each member following threads what was posted in them since their last digest."""
    now = clock.now()
    week = week_of(now)
    sent = 0
    followers = (
        get_user_model()
        .objects.active_members()
        .filter(pk__in=ThreadFollow.objects.values("user"))
        .order_by("pk")
    )
    for user in followers:
        with transaction.atomic():
            news = []
            for follow in ThreadFollow.objects.owned_by(user).select_related("thread"):
                since = follow.last_digest_at or follow.created_at
                # Claim the follow: a second run (or a second worker) finds it already done.
                claimed = ThreadFollow.objects.filter(
                    pk=follow.pk, last_digest_at=follow.last_digest_at
                ).update(last_digest_at=now)
                if not claimed or follow.thread.hidden_at is not None:
                    continue
                new_posts = (
                    Post.objects.filter(
                        thread=follow.thread,
                        hidden_at__isnull=True,
                        created_at__gt=since,
                        created_at__lte=now,
                    )
                    .exclude(author=user)
                    .count()
                )
                if new_posts:
                    news.append({"thread": follow.thread, "posts": new_posts})
            if not news:
                continue
            sent += bool(
                notify(
                    kind="community_thread_digest",
                    key=f"community-digest:{user.public_id}:{week}",
                    to=user,
                    context={"threads": news[:DIGEST_MAX_THREADS], "count": len(news)},
                    url=reverse("community:forums"),
                )
            )
    return sent
