"""`make bench`: the project against a bare Starlette floor, start-up, memory and ingest speed."""
