"""The JSON Schemas of the files SoS Desktop exchanges, shipped as package data."""
