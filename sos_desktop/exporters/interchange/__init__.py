"""The meeting interchange file, version 1 (``docs/interchange-v1.md``): reading and writing it (:mod:`.files`),
the schema and its error messages (:mod:`.schema`), the checks after the schema (:mod:`.checks`), and the
translation to and from the domain (:mod:`.decode`, :mod:`.encode`).
"""
