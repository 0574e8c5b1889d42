"""One file's validation result, and how results travel between processes and to the cache file.

A result carries its provider as pickled bytes once it has left the process that checked it (a
worker, or the cache file): the main process of a cold `iopdir validate` of 20,000 listings spent
more time unpickling providers than anything else, and never used them. Only what the checks
across files need (`duplicates.Listed`, a few short strings) is unpacked eagerly; the provider is
unpacked when a caller asks for it, always through the restricted unpickler, so only classes of
the model are ever made from bytes, wherever they came from.
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
    """Packed bytes that do not unpack to a provider (refused by the unpickler, or damaged)."""


class FileResult:
    """Diagnostics, and for a valid file its provider, what cross-file checks read of it
    (`listed`) and where the fields they point at start (`positions`; None when the file was
    read without positions: they are read again if a message needs one)."""

    __slots__ = ("_packed", "_provider", "diagnostics", "listed", "positions")

    def __init__(self, provider: Provider | None, diagnostics: list[Diagnostic],
                 positions: Positions | None = None, *, listed: Listed | None = None,
                 packed: bytes | None = None) -> None:
        self._provider = provider
        self._packed = packed
        self.diagnostics = diagnostics
        self.positions = positions
        self.listed = listed if listed is not None or provider is None else Listed.of(provider)

    @property
    def provider(self) -> Provider | None:
        """Unpacked on first use; the bytes are then let go (a process keeps one copy)."""
        if self._provider is None and self._packed is not None:
            try:
                provider = unpack(self._packed)
            except Exception as exc:
                raise DamagedResult(str(exc)) from exc
            if not isinstance(provider, Provider):
                raise DamagedResult("a packed result holds no provider")
            self._provider, self._packed = provider, None
        return self._provider

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with the provider as bytes of their own, which the next pickling (the cache
        file after the worker) copies instead of pickling the provider again."""
        packed = self._packed
        if packed is None and self._provider is not None:
            packed = pack(self._provider)
        return (FileResult, (None, self.diagnostics, self.positions),
                {"listed": self.listed, "_packed": packed})

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.listed = state["listed"]
        self._packed = state["_packed"]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileResult):
            return NotImplemented
        return (self.provider, self.diagnostics, self.positions, self.listed) == (
            other.provider, other.diagnostics, other.positions, other.listed)


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
