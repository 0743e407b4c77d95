"""The base layer's shared room: what several domains use and nothing domain-specific."""
