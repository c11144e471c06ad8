# The hub's one image: web (gunicorn), worker and beat differ only in their command.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# A fixed numeric id, so Kubernetes' runAsNonRoot can check it (deploy/kubernetes/).
RUN groupadd --system --gid 10001 hub && useradd --system --uid 10001 --gid hub --home /app hub
WORKDIR /app

COPY pyproject.toml requirements.lock README.md ./
RUN pip install -c requirements.lock .

COPY --chown=hub:hub . .
# collectstatic needs settings to load, not real secrets. The catalogues are compiled by polib:
# the slim image has no gettext.
RUN SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 ALLOW_SINGLE_PROCESS=true \
    python manage.py compile_translations --verbosity 0 \
    && SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 ALLOW_SINGLE_PROCESS=true \
    python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/var/beat && chown hub:hub /app/var/beat

USER hub
EXPOSE 8000
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "hub.wsgi:application"]
