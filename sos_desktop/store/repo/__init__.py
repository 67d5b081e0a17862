"""Repository functions: each takes an open Connection (inside the caller's transaction) and works in domain terms.

``sos_desktop.store.store.Store`` is the public face; it gives every call its own short transaction.
"""
