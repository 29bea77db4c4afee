# The same steps as `make install` / `make run`, so CI exercises what the image does.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# Dependencies first, exactly as locked (versions and hashes, `make lock`), so code edits reuse this layer.
COPY pyproject.toml requirements.lock README.md ./
COPY app/__init__.py app/__init__.py
RUN python -m venv .venv \
 && .venv/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock \
 && .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .

COPY app app
COPY data data

# Ingest the articles now: the image carries its store, so a container parses nothing at start
# and never loads spaCy. Every replica of the image serves the same read-only file.
RUN .venv/bin/python -m app ingest --no-progress

RUN useradd --system --uid 10001 --no-create-home api && chown -R api /app/.cache
USER api

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD [".venv/bin/python", "-c", "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status != 200)"]
CMD [".venv/bin/python", "-m", "uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--no-server-header"]
