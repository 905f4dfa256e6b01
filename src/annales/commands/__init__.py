"""CLI verbs, one module each, each with ``register(app)``."""
