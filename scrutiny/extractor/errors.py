"""Library exceptions. The CLI turns each into one line naming the file and the cause, with the
exit code given here (documented in README.md)."""


class ScrutinyError(Exception):
    """Base of every error Scrutiny raises on purpose."""

    exit_code = 1


class InputError(ScrutinyError):
    """The input cannot be read at all: missing, empty, encrypted, damaged, not a pack."""

    exit_code = 3


class NoTextError(InputError):
    """The input has no text layer (a scan); OCR is outside Scrutiny."""

    exit_code = 4


class GoldError(ScrutinyError):
    """A gold file is not in the gold format."""

    exit_code = 5


class OutputError(ScrutinyError):
    """The output cannot be written: a missing folder, a folder named as the file, a read-only
    place, a full disk, a closed stdout."""

    exit_code = 7


class LimitError(ScrutinyError):
    """The input is beyond a limit: the caps on bytes, pages or text runs per page, or (in a batch)
    the per-pack time or memory limit."""

    exit_code = 8


class Interrupted(ScrutinyError):
    """The run was interrupted (Ctrl-C, SIGTERM); what finished is recorded."""

    exit_code = 130
