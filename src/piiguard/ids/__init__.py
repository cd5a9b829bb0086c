"""Pure validators for Chinese identifiers, one module per entity (python-stdnum's contract).

Each module provides ``compact``, ``validate`` (raises a :class:`piiguard.ValidationError`),
``is_valid`` (never raises), ``parse`` (facts for ``recognition_metadata``, never the raw
value) and, where the identifier has one, ``calc_check_digit``. None of them imports
Presidio.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["MODULES", "get"]

MODULES = (
    "cn_bank_card",
    "cn_hmt_permit",
    "cn_license_plate",
    "cn_passport",
    "cn_resident_id",
    "cn_uscc",
    "date_of_birth",
    "email",
    "hk_id",
    "imei",
    "ip_address",
    "mo_id",
    "phone",
    "phone_local",
    "phone_hmt",
    "phone_tw_local",
    "qq_number",
    "tw_id",
    "url",
    "wechat_id",
)


def get(name: str) -> ModuleType:
    """Return the validator module called ``name`` (as named in a recognizer spec).

    Raises:
        KeyError: when there is no such validator.
    """
    if name not in MODULES:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}")
