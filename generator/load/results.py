"""One file's validation result, and how results travel between processes and to the cache file.

A result carries its provider as pickled bytes once it has left the process that checked it (a
worker, or the cache file): the main process of a cold `iopdir validate` of 20,000 listings spent
more time unpickling providers than anything else, and never used them. What the checks across
files read (`duplicates.Listed`, a few short strings) is unpacked by every run, the provider
only when a caller asks for it; both through the restricted unpickler, so only classes of the
model are ever made from bytes, wherever they came from.
"""

from __future__ import annotations

import io
import pickle
from typing import Any

from generator.load.diagnostics import Diagnostic
from generator.load.duplicates import Listed, Positions
from generator.model.records import Provider

ALLOWED_MODULES = frozenset({
    "generator.model.records", "generator.load.diagnostics", "generator.load.duplicates",
    "generator.load.results",
})


class DamagedResult(Exception):
    """Packed bytes that do not unpack to what they should (refused by the unpickler, or
    damaged)."""


class FileResult:
    """Diagnostics, and for a valid file its provider, what cross-file checks read of it
    (`listed`) and where the fields they point at start (`positions`; None when the file was
    read without positions: they are read again if a message needs one)."""

    __slots__ = ("_listed", "_listed_packed", "_packed", "_provider", "diagnostics", "positions")

    def __init__(self, provider: Provider | None, diagnostics: list[Diagnostic],
                 positions: Positions | None = None) -> None:
        self._provider = provider
        self._packed: bytes | None = None
        self._listed = None if provider is None else Listed.of(provider)
        self._listed_packed: bytes | None = None
        self.diagnostics = diagnostics
        self.positions = positions

    @property
    def listed(self) -> Listed | None:
        """Unpacked on first use; its bytes (a few hundred) are kept for the cache file."""
        if self._listed is None and self._listed_packed is not None:
            self._listed = _unpacked(self._listed_packed, Listed)
        return self._listed

    @property
    def provider(self) -> Provider | None:
        """Unpacked on first use; the bytes are then let go (a process keeps one copy)."""
        if self._provider is None and self._packed is not None:
            self._provider, self._packed = _unpacked(self._packed, Provider), None
        return self._provider

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with the provider and `listed` as bytes of their own, which the next
        pickling (the cache file, after the worker) copies instead of pickling them again."""
        packed = self._packed
        if packed is None and self._provider is not None:
            packed = pack(self._provider)
        listed = self._listed_packed
        if listed is None and self._listed is not None:
            listed = pack(self._listed)
        return (FileResult, (None, self.diagnostics, self.positions), (packed, listed))

    def __setstate__(self, state: tuple[bytes | None, bytes | None]) -> None:
        self._packed, self._listed_packed = state

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileResult):
            return NotImplemented
        return (self.provider, self.diagnostics, self.positions, self.listed) == (
            other.provider, other.diagnostics, other.positions, other.listed)


def _unpacked(data: bytes, kind: type[Any]) -> Any:
    try:
        value = unpack(data)
    except Exception as exc:
        raise DamagedResult(str(exc)) from exc
    if not isinstance(value, kind):
        raise DamagedResult(f"packed bytes hold no {kind.__name__}")
    return value


def pack(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes) -> Any:
    """`data` unpickled by the restricted unpickler (raises on anything else)."""
    return ModelUnpickler(io.BytesIO(data)).load()


class ModelUnpickler(pickle.Unpickler):
    """Refuses every global but the model's own classes (a second line of defence behind the
    cache file's signature)."""

    def find_class(self, module: str, name: str) -> Any:
        if module in ALLOWED_MODULES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a validation cache")
