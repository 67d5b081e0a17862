"""A practitioner's learning journal (Practice › Learning journal…): the door that asks whose journal and its
passphrase (:mod:`.door`), and the journal's window (:mod:`.window`), which forgets the key when closed.
"""
