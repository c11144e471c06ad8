"""`{% provider_replies reviews as replies %}` and `{{ replies|reply_to:review }}`: the published
replies of providers under members' reviews, in one query for the whole page."""

from __future__ import annotations

from django import template

from providers.models import ProviderReply

register = template.Library()


@register.simple_tag
def provider_replies(reviews) -> dict[int, ProviderReply]:
    found = ProviderReply.objects.filter(
        review__in=[review.pk for review in reviews], status=ProviderReply.Status.PUBLISHED
    ).select_related("provider")
    return {reply.review_id: reply for reply in found}


@register.filter
def reply_to(replies: dict[int, ProviderReply], review) -> ProviderReply | None:
    return replies.get(review.pk) if replies else None
