"""The one exception type for a user's mistake: the CLI prints its message in one line."""


class UserError(Exception):
    """A path, output name or recipe that cannot be used; the message says why."""
