# mockdesk: every vendor on port 8080, served by gunicorn (one worker, several threads).
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
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/__mockdesk/health', timeout=2)"]
CMD ["mockdesk", "serve"]
