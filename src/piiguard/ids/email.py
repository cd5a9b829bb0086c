"""EMAIL_ADDRESS: e-mail addresses (RFC 5321 dot-atom local part, a DNS host name).

The local part is ASCII only, so Chinese text glued before an address
(``邮箱zhangwei@qq.com``) stays outside the span; Presidio's pattern swallows it.
No public-suffix download: the top-level label must be 2-24 letters (or ``xn--``) and not a
file extension that is no top-level domain: ``logo@2x.png`` and ``icon@3x.webp`` are image
files at a screen scale, not addresses.

>>> is_valid('zhang.wei+vip@example.com.cn'), is_valid('a..b@qq.com'), is_valid('x@localhost')
(True, False, False)
>>> is_valid('logo@2x.png'), is_valid('bg@3x.JPG'), is_valid('zhang@qq。com'), is_valid('zhang(at)qq[dot]com')
(False, False, True, True)
>>> is_valid('gang.zhu at 139 dot com'), is_valid('service@华信科技.公司'), is_valid('info@中文域名.中国'), is_valid('a@中文.网页')
(True, True, True, False)
"""

from __future__ import annotations

import re

from ..exceptions import InvalidFormat
from ._simple import predicate

__all__ = ["AT_WRITTEN", "IDN_TLDS", "compact", "is_valid", "parse", "validate"]

_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_TLD = re.compile(r"[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{2,59}")
# Internationalised hosts (service@华信科技.公司): labels of Chinese characters, letters and
# digits under one of China's Chinese-script top-level domains.
_IDN_LABEL = re.compile(r"[A-Za-z0-9\u4e00-\u9fff](?:[A-Za-z0-9\u4e00-\u9fff-]{0,61}[A-Za-z0-9\u4e00-\u9fff])?")
IDN_TLDS = ("中国", "中國", "公司", "网络", "網絡", "在线", "集团", "商城", "网店", "中文网", "企业", "游戏", "手机",
            "信息", "广东", "香港", "台湾", "台灣", "澳門", "新加坡", "我爱你", "政务", "公益", "商标", "网址")
# File extensions that are not top-level domains (.zip and .mov are, so they stay valid).
_FILE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "ico", "tif", "tiff", "heic",
                              "pdf", "txt", "json", "html", "htm", "css", "js", "mp3", "mp4", "wav"})


# An address written against scrapers (zhang(at)qq.com, zhang[at]qq(dot)com, zhang#qq.com)
# or percent-encoded in a URL or log (zhang%40qq.com).
# Or in words between spaces: gang.zhu at 139 dot com.
AT_WRITTEN = re.compile(r"[ \t]*(?:[(\[（【{<][ \t]*at[ \t]*[)\]）】}>]|[#＃])[ \t]*|%40|[ \t]+at[ \t]+", re.IGNORECASE)
_SPACED_AT = re.compile(r"[ \t]*[@＠][ \t]*")
_DOT_WRITTEN = re.compile(r"[ \t]*[(\[（【{<][ \t]*dot[ \t]*[)\]）】}>][ \t]*|[ \t]+dot[ \t]+", re.IGNORECASE)


def compact(value: str) -> str:
    """Strip surrounding spaces and read the address as written to be read: spaces around
    @ go, an input method's 。 and a spelled-out (dot) are dots, (at), [at] and # stand for @, so
    ``zhang(at)qq。com`` and ``zhang@qq.com`` hash and pseudonymize alike."""
    value = _DOT_WRITTEN.sub(".", value.strip().replace("。", "."))
    if "@" in value or "＠" in value:
        return _SPACED_AT.sub("@", value)  # zhangwei @ 163.com, as OCR and typing leave it
    return AT_WRITTEN.sub("@", value, count=1)


def validate(value: str) -> str:
    """Check the address and return it.

    Raises:
        InvalidFormat: not ``local@host.tld``.
    """
    local, sep, host = compact(value).rpartition("@")
    if not sep or len(local) + len(host) > 253 or len(local) > 64 or not _LOCAL.fullmatch(local):
        raise InvalidFormat()
    labels = host.split(".")
    tld = labels[-1]
    if not host.isascii():
        if len(labels) < 2 or tld not in IDN_TLDS or not all(_IDN_LABEL.fullmatch(x) for x in labels):
            raise InvalidFormat()
    elif (len(labels) < 2 or not all(_LABEL.fullmatch(x) for x in labels) or not _TLD.fullmatch(tld)
            or tld.lower() in _FILE_EXTENSIONS):
        raise InvalidFormat()
    return f"{local}@{host}"


is_valid = predicate(validate)


def parse(value: str) -> dict[str, object]:
    """Facts: the domain (an organisation, not the person) and whether it is a free mail host."""
    domain = validate(value).rpartition("@")[2].lower()
    return {"domain": domain, "free_mail": domain in _FREE_MAIL}


_FREE_MAIL = frozenset({"qq.com", "163.com", "126.com", "sina.com", "sina.cn", "sohu.com", "foxmail.com",
                        "yeah.net", "139.com", "189.cn", "aliyun.com", "gmail.com", "outlook.com",
                        "hotmail.com", "yahoo.com", "icloud.com"})
