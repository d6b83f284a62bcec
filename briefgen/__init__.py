"""briefgen: extractive, offline news briefings from a pile of articles."""

__version__ = "0.1.0"
