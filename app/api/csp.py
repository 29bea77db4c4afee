"""Content-Security-Policy sources: an inline script or style is allowed by the hash of its exact bytes."""
from __future__ import annotations

import base64
import hashlib


def source_hash(content: bytes) -> str:
    """The CSP source expression (without quotes) that allows this inline content: `sha256-<base64>`."""
    return "sha256-" + base64.b64encode(hashlib.sha256(content).digest()).decode()
