"""article-api: a read-only REST API over parsed news articles."""
