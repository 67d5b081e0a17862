"""The Child's voice page: the Three Houses per child, in the child's own words."""
