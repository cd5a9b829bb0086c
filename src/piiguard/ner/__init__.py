"""Names and addresses: the PERSON and CN_ADDRESS detectors.

Both take text already normalized by ``piiguard._normalize.normalize`` and return
:class:`piiguard._types.Finding` objects whose offsets index that text. Models and the
gazetteer load on first call (thread-safe); importing this package is cheap.

>>> [(f.entity_type, f.start, f.end) for f in detect_persons("联系人：张伟经理")]
[('PERSON', 4, 6)]
>>> [(f.entity_type, f.start, f.end) for f in detect_addresses("北京今天降温")]
[]
"""

from __future__ import annotations

from ._address import detect_addresses
from ._person import detect_persons

__all__ = ["detect_addresses", "detect_persons"]
