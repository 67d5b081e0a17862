"""The Safety plan and Trajectory plan pages."""
