"""Domain operations on the database, shared by the iIKP screens and the admin API."""


class NotFound(Exception):
    """The patient, order, declaration or facility does not exist."""


class Conflict(Exception):
    """The requested transition is not allowed in the current state."""
