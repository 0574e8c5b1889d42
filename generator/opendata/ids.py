"""Stable identifiers for exported records: the same listing gives the same ids in every build.

Ids are UUIDs (version 5) named by the record's place in the listing: the provider's file name,
then the position of the program, track and session, as the listing gives them. Reordering the
programs of a listing therefore changes their ids; editing their text does not.
"""

from __future__ import annotations

import hashlib
import uuid

# Fixed for this project: changing it would change every exported id.
NAMESPACE = uuid.UUID("735d94b2-0285-4d39-a47e-7cdd40a9353f")
_PREFIX = NAMESPACE.bytes


def record_id(*parts: str | int) -> str:
    """'otterbank', 'program', 2 -> a UUID string for that record.

    The same value as str(uuid.uuid5(NAMESPACE, 'otterbank/program/2')), made without building
    UUID objects: an export at national scale makes hundreds of thousands of ids."""
    digest = bytearray(hashlib.sha1(_PREFIX + "/".join(map(str, parts)).encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
