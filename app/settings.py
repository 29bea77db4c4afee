"""Configuration from the environment (pydantic-settings)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    articles_dir: Path = Field(PROJECT_ROOT / "data" / "articles", description="Folder of *.txt articles")
    cache_dir: Path = Field(PROJECT_ROOT / ".cache" / "parsed",
                            description="Where parse results are kept between starts")
    log_level: str = "info"
    cors_origins: list[str] = Field(default_factory=list,
                                    description="Origins allowed to GET from a browser")
    max_article_bytes: int = 5 * 1024 * 1024
    http_cache_entries: int = Field(4096, description="Answers kept in memory (0 turns the cache off)")
    http_cache_mb: int = Field(16, description="Memory the kept answers may take, in MiB")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
