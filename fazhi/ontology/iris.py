"""IRIs: namespaces and minting from stable keys.

Data IRIs keep Chinese characters readable (``…/mechanism/府院联动``); only
characters that IRIs do not allow (space, ``<>"{}|\\^``` and controls) and the
path separators ``/ ? # %`` inside a key are percent-encoded.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef

FZV = Namespace("https://w3id.org/fazhi/vocab/")
FZD = Namespace("https://w3id.org/fazhi/id/")
OA = Namespace("http://www.w3.org/ns/oa#")

_KEEP = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@")


def encode(part: str) -> str:
    """Percent-encode what an IRI path segment cannot hold; keep other Unicode as it is."""
    out = []
    for char in str(part):
        code = ord(char)
        if char in _KEEP or (code > 127 and not char.isspace() and code not in (0x2028, 0x2029, 0xFEFF)):
            out.append(char)
        else:
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8")))
    return "".join(out)


def mint(*parts) -> URIRef:
    """A data IRI under https://w3id.org/fazhi/id/ from stable key parts."""
    return URIRef(str(FZD) + "/".join(encode(p) for p in parts))


def concept_iri(key: str) -> URIRef:
    """A listed mechanism, by its preferred label."""
    return URIRef(f"{FZV}mechanism/{encode(key)}")


def candidate_iri(key: str) -> URIRef:
    """A candidate (unlisted) mechanism, by its name."""
    return URIRef(f"{FZV}candidate/{encode(key)}")


def category_iri(name: str) -> URIRef:
    return URIRef(f"{FZV}category/{encode(name)}")


def source_iri(title: str) -> URIRef:
    """A national document a concept comes from, by its title."""
    return URIRef(f"{FZV}source/{encode(title)}")


def role_iri(key: str) -> URIRef:
    return URIRef(f"{FZV}role/{encode(key)}")


def indicator_iri(key: str) -> URIRef:
    return URIRef(f"{FZV}indicator/{encode(key)}")


def body_type_iri(key: str) -> URIRef:
    return URIRef(f"{FZV}body-type/{encode(key)}")
