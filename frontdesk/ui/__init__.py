"""Qt widgets. Only this package imports PySide6; it calls the domain layer, never SQL."""
