"""The replicas' fictional industry (cast.toml): companies, devices, people, places and the
outlets that cover them. Every name is invented; the same cast serves every replica."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Company:
    name: str
    what: str  # "a developer of ...", as a press release's first sentence puts it
    hq: str
    domain: str  # its web site: https://www.{domain}.example/

    @property
    def site(self) -> str:
        return f"https://www.{self.domain}.example/"

    @property
    def dateline(self) -> str:
        """``AUSTIN, Texas``: where its press releases are dated."""
        city, _, state = self.hq.partition(", ")
        return city.upper() + (f", {state}" if state else "")


@dataclass(frozen=True, slots=True)
class Device:
    name: str  # "Lumbar Interbody Fusion System"
    noun: str  # "cage"
    indication: str

    @property
    def spine(self) -> bool:
        return any(k in self.name for k in ("Spine", "Interbody", "Cervical", "Pedicle",
                                             "Lumbar", "Sacroiliac", "Cage", "Vertebral"))


_C = tomllib.loads((Path(__file__).parent / "cast.toml").read_text(encoding="utf-8"))
COMPANIES = tuple(Company(*row) for row in _C["companies"])
DEVICES = tuple(Device(*row) for row in _C["devices"])

# Every other list of cast.toml, by its key in capitals (cast.FIRST_NAMES), rows as tuples.
globals().update({key.upper(): tuple(tuple(v) if isinstance(v, list) else v for v in value)
                  if isinstance(value, list) else value
                  for key, value in _C.items() if key not in ("companies", "devices")})
