"""Configuration from the environment (pydantic-settings)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    articles_dir: Path = Field(PROJECT_ROOT / "data" / "articles", description="Folder of *.txt articles")
    cache_dir: Path = Field(PROJECT_ROOT / ".cache" / "parsed",
                            description="Where the store (the parsed archive) is kept between starts")
    log_level: Literal["critical", "error", "warning", "info", "debug"] = "info"
    cors_origins: list[str] = Field(default_factory=list,
                                    description="Origins allowed to GET from a browser")
    max_article_bytes: int = Field(5 * 1024 * 1024, ge=1, description="Larger files are skipped")
    parse_timeout: float = Field(120.0, gt=0, description="Seconds one article may take to parse")
    ingest_workers: int | None = Field(None, ge=1, description="Parsing processes (default: one per core)")
    http_cache_entries: int = Field(4096, description="Answers kept in memory (0 turns the cache off)")
    http_cache_mb: int = Field(8, description="Memory the kept answers may take, in MiB")

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def describe(error: ValidationError) -> str:
    """A configuration error as one line naming each bad variable, for a person reading a terminal."""
    problems = []
    for e in error.errors():
        name = str(e["loc"][0]).upper() if e.get("loc") else "configuration"
        problems.append(f"{name}={e.get('input')!r}: {e.get('msg', 'invalid')}")
    return "invalid configuration: " + "; ".join(problems)


def settings_or_exit() -> Settings:
    """The settings, or one line on standard error and exit status 2 (no traceback) when invalid."""
    import sys

    try:
        return get_settings()
    except ValidationError as exc:
        sys.stderr.write(describe(exc) + "\n")
        raise SystemExit(2) from None
