"""SoS Desktop: live Signs of Safety case mapping and group supervision for children's social-care teams."""

__version__ = "0.1.0"
APP_NAME = "SoS Desktop"
