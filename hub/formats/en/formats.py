"""The hub's English date formats (day before month, 24-hour clock), used by name in templates.

Templates say `|date:"DATE_FORMAT"`, never a pattern: each language then gets its own order and
month names from Django's locale formats; English keeps the ones the hub always showed.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j M"
TIME_FORMAT = "H:i"
