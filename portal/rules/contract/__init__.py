"""The JSON Lines contract of the ``housing-register`` command: reading input lines and writing results."""
