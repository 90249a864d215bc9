# mockdesk: every vendor on one port, served by gunicorn (gevent workers: slow or idle clients
# each hold a greenlet, never a thread). The redis client is a core dependency, so
# MOCKDESK_STATE=redis://… and MOCKDESK_WORKERS=N work in this image as they are.
#
#   docker build -t mockdesk . && docker run -p 8080:8080 mockdesk
#
# The image listens on every interface (MOCKDESK_HOST=0.0.0.0). The admin API under
# /__mockdesk/ (reset, faults, rate limits, tokens) then answers only clients on the container's
# own loopback, unless you set an admin token; with one, every admin call must send
# "Authorization: Bearer <token>", from anywhere:
#
#   docker run -p 8080:8080 -e MOCKDESK_ADMIN_TOKEN="$(openssl rand -hex 16)" mockdesk
#
# Every other setting is a MOCKDESK_* variable too (see `mockdesk serve --help`).
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    MOCKDESK_HOST=0.0.0.0 \
    MOCKDESK_PORT=8080

WORKDIR /app
COPY pyproject.toml README.md ./
COPY mockdesk ./mockdesk
COPY fixtures ./fixtures
RUN pip install . && useradd --system --uid 10001 --no-create-home mockdesk

USER mockdesk
EXPOSE 8080
# Follows MOCKDESK_PORT (and sends MOCKDESK_ADMIN_TOKEN when set). The start period is long
# because data is built before the port opens and grows with MOCKDESK_TICKETS; a server that is
# up sooner is marked healthy at its first check.
HEALTHCHECK --interval=10s --timeout=5s --start-period=300s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; t = os.environ.get('MOCKDESK_ADMIN_TOKEN'); u.urlopen(u.Request('http://127.0.0.1:%s/__mockdesk/health' % os.environ.get('MOCKDESK_PORT', '8080'), headers={'Authorization': 'Bearer ' + t} if t else {}), timeout=4)"]
CMD ["mockdesk", "serve"]
