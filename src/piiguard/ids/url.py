"""URL: web addresses with a scheme (http, https, ftp) or starting ``www.``, and without
either when the host ends in a known top-level domain (``t.cn/A6XkP9qZ``,
``mp.weixin.qq.com/s/Xk3Jd9a``, after 官网 or W: also ``ruida-group.com``).

Without a scheme the top-level domain must be written in small letters and be one of
:data:`TOP_LEVEL_DOMAINS` (no download: the common generic ones, country codes, China's
IDN ones), so file names (``report.pdf``, ``config.yaml``, ``main.py``), package names and
attribute access (``os.path``) are not hosts. The host is checked label by label.

>>> is_valid('https://shop.example.cn/u/123?id=9'), is_valid('http://-bad-.com'), is_valid('www.qq.com')
(True, False, True)
>>> is_valid('t.cn/A6XkP9qZ'), is_valid('docs.x.io/zh/guide?a=1'), is_valid('report.pdf'), is_valid('os.path')
(True, True, False, False)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..exceptions import InvalidFormat
from ._simple import predicate

__all__ = ["TOP_LEVEL_DOMAINS", "compact", "is_valid", "parse", "validate"]

_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")

#: Top-level domains a host written without a scheme may end in: the common generic ones,
#: the country codes seen in Chinese text (the second levels under .cn, com.cn, gov.cn and
#: the provinces' bj.cn, end in cn), and the newer ones Chinese companies register. Left out
#: are country codes that are also file extensions or code (.py, .sh, .md, .rs, .pl, .so,
#: .ps, .mm) and generic ones that are (.zip, .mov).
TOP_LEVEL_DOMAINS = frozenset("""
    com net org edu gov mil int info biz name pro mobi asia tel
    xyz top site online store shop tech ltd vip club fun icu cloud wang ink ren link work live
    life art design space website news video email app dev page blog group company center today
    world team global studio plus cool run games fans red love team kim pub press wiki host
    cn hk mo tw jp kr sg my th vn ph id in uk de fr it es nl ru us ca au nz br eu ch se no dk
    fi at be ie cz pt gr tr ae sa il za mx ar cl io co me tv cc la ly gl ai to fm ws im gg
""".split())


def compact(value: str) -> str:
    """Strip surrounding spaces."""
    return value.strip()


def validate(value: str) -> str:
    """Check the URL and return it.

    Raises:
        InvalidFormat: no scheme/www., or an invalid host.
    """
    value = compact(value)
    probe = value if "://" in value else "http://" + value
    try:
        parts = urlsplit(probe)
        host = parts.hostname or ""
    except ValueError:
        raise InvalidFormat() from None
    if parts.scheme.lower() not in ("http", "https", "ftp"):
        raise InvalidFormat()
    labels = host.split(".")
    if not value.lower().startswith(("http", "ftp", "www.")):
        # No scheme: the top-level domain as written must be a known one (report.pdf is a file).
        tld = (parts.netloc.rpartition("@")[2].partition(":")[0]).rpartition(".")[2]
        if tld not in TOP_LEVEL_DOMAINS or "@" in parts.netloc:
            raise InvalidFormat()
    if not (host.replace(".", "").isdigit() and len(labels) == 4) and (
        len(labels) < 2 or not all(_LABEL.fullmatch(x) for x in labels) or not labels[-1].isalpha()
    ):
        raise InvalidFormat()
    return value


is_valid = predicate(validate)


def parse(value: str) -> dict[str, object]:
    """Facts: scheme and host."""
    parts = urlsplit(validate(value) if "://" in value else "http://" + validate(value))
    return {"scheme": parts.scheme, "host": parts.hostname}
