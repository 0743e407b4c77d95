"""Calls for projects: the yearly partnership programme, from call to funded project."""
