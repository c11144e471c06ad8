"""`{% may "app:name" as shown %}`: links show where the access policy lets the person go."""

from django import template

from hub import access

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context: template.Context, view_name: str) -> bool:
    # Error pages can render before the user is known (a bad Host header): no links then.
    user = getattr(context.get("request"), "user", None)
    return user is not None and access.may(user, view_name)
