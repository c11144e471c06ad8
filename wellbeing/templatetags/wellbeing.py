from django import template

from wellbeing.models import Preferences

register = template.Library()


@register.inclusion_tag("wellbeing/includes/break_reminder_tags.html", takes_context=True)
def break_reminder(context) -> dict:
    """The break reminder's settings and script, for members who asked for reminders."""
    request = context.get("request")
    user = getattr(request, "user", None)
    minutes = None
    if user is not None and user.is_authenticated and user.is_active_member:
        minutes = Preferences.for_user(user).break_reminder_minutes
    return {"minutes": minutes}
