"""Learned models over letopis's parse: the attachment model (docs/learning.md)."""
