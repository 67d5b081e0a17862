"""The console's frame: the main window, the navigator, the menus, the settings dialog and the start-up pieces."""
