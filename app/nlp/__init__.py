"""The parsing pipeline: plain text in, a plain typed ParsedArticle out.

Nothing in this package knows about HTTP.
"""
