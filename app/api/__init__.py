"""The HTTP layer: routers, response models, errors, docs. Knows nothing of spaCy."""
