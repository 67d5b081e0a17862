"""The Scaling page: the meeting's scales and everyone's rating on them."""
