"""The Map page: the three columns of categories, their card lists and delegate, and the next-step editor."""
