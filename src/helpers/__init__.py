"""Helpers for the Arabic news notebook suite."""
