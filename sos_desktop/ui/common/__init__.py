"""What every room of the console shares: the action registry, the ``Console`` protocol, shared fields and
dialogs, background jobs and the settings keys. The lowest floor of ``ui``: it imports no other room.
"""
