"""What an address lookup gives back, the interface every lookup has, and its one error."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass(frozen=True)
class FoundAddress:
    """One address found for a postcode, in the shape of the application's address page."""

    line_1: str
    line_2: str
    town: str
    postcode: str


class LookupUnavailable(Exception):
    """The lookup could not answer: the service was unreachable, slow, or sent something we cannot read.

    The message never holds the service's address or key.
    """


class AddressLookup(ABC):
    """Finds the addresses at a UK postcode."""

    @abstractmethod
    def find(self, postcode: str) -> list[FoundAddress]:
        """The addresses at the postcode (an empty list when there are none).

        Raises LookupUnavailable on any network, HTTP or data problem.
        """
