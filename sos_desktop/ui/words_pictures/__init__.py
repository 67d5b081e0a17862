"""The Words and Pictures page: a child's story as a storyboard of panels in plain words and simple pictures."""
