"""The Network page: the case's safety network as a graph to draw on, the person editor, the network's look in Qt
terms, and layouts worked out off the UI thread.
"""
