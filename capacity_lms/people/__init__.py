"""Associations and the people in them."""
