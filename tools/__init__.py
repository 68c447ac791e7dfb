"""Maintainers' tools, not shipped: the message catalogue (catalogue.py)."""
