"""The parsed archive in one SQLite file: written by ingest (writer.py), read by the server (reader.py)."""
from app.store.reader import DamagedStore, Skipped, SpeakerCandidate, Store, StoreInfo, store_path

__all__ = ["DamagedStore", "Skipped", "SpeakerCandidate", "Store", "StoreInfo", "store_path"]
