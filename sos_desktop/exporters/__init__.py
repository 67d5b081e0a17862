"""Ways out of (and into) SoS Desktop: the meeting interchange file and, later, minutes and images. No Qt here."""
