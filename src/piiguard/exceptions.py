"""Exceptions raised by piiguard.

::

    PiiguardError(Exception)                        base; messages never contain input text or keys
    ├── ConfigError(PiiguardError, ValueError)      bad YAML or spec, unknown validator or entity
    │   └── PolicyError                             unknown strategy or option; lists the valid ones
    ├── ValidationError(PiiguardError, ValueError)  raised by piiguard.ids.*.validate
    │   ├── InvalidFormat ── InvalidLength
    │   ├── InvalidChecksum
    │   └── InvalidComponent                        impossible date, unknown region code
    ├── KeyMaterialError(PiiguardError, ValueError) missing, too-short or wrong-type key
    ├── DecryptionError(PiiguardError)              wrong key or tampered token; never returns garbage
    └── BatchError(PiiguardError)                   a record failed in a batch (index and error type only)

Messages are fixed strings or name only configuration (file, entry, option): never
a value that was being checked, so an exception can be logged without leaking PII.
"""

from __future__ import annotations

__all__ = [
    "BatchError",
    "ConfigError",
    "DecryptionError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "KeyMaterialError",
    "PiiguardError",
    "PolicyError",
    "ValidationError",
]


class PiiguardError(Exception):
    """Base class of every piiguard error."""

    message = "piiguard error."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or type(self).message
        super().__init__(self.message)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickles for process pools (phonenumbers' NumberParseException does the same).
        return (type(self), (self.message,))

    def __str__(self) -> str:
        return self.message


class ConfigError(PiiguardError, ValueError):
    """A recognizer spec, taxonomy or policy file is malformed."""

    message = "Invalid piiguard configuration."


class PolicyError(ConfigError):
    """A policy names an unknown strategy or option."""

    message = "Invalid redaction policy."


class ValidationError(PiiguardError, ValueError):
    """A value is not a valid identifier (raised by ``piiguard.ids.*.validate``)."""

    message = "The number is not valid."


class InvalidFormat(ValidationError):
    """The number has characters or a structure the format does not allow."""

    message = "The number has an invalid format."


class InvalidLength(InvalidFormat):
    """The number has the wrong length."""

    message = "The number has an invalid length."


class InvalidChecksum(ValidationError):
    """The number's check digit or checksum is wrong."""

    message = "The number's checksum or check digit is invalid."


class InvalidComponent(ValidationError):
    """A part of the number is impossible (a date, a region code)."""

    message = "One of the parts of the number is invalid or unknown."


class KeyMaterialError(PiiguardError, ValueError):
    """A key is missing, too short or of the wrong type."""

    message = "A valid key is required."


class DecryptionError(PiiguardError):
    """A token cannot be decrypted: wrong key, or the token was altered or truncated."""

    message = "Decryption failed: wrong key, or the token was altered or truncated."


class BatchError(PiiguardError):
    """A record failed inside a batch (the message gives its index and the error type, not its text)."""

    message = "A record in the batch could not be processed."
