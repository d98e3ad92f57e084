"""Matching the bands a model needs, by name, to the band numbers of a raster.

Three sources, in order of precedence:
1. ``BAND_MAP``: ``B3=3,B8=8,B11=12`` (1-based band numbers), or the name of a
   known layout (``landsat7_etm``) to say which sensor the raster comes from;
2. the raster's band descriptions (``B3``, ``B03``, ``VV``, ``nir`` ...);
3. a known layout guessed from the band count.

Names are either a sensor's own band names (``B8A``, ``VV``) or common names
(``blue``, ``green``, ``red``, ``rededge1``, ``nir``, ``nir08``, ``swir16``,
``swir22`` ... as in the STAC ``eo`` extension). Cards meant for several
sensors use common names; the layout says which native band carries each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import BandError
from .i18n import tr


@dataclass(frozen=True)
class Layout:
    """A known band layout (Sentinel-2 L1C, Landsat 8/9 OLI, RGBN ...).

    Attributes:
        key: the name BAND_MAP uses for it.
        title: the name shown in messages.
        family: the sensor family ("sentinel2", "landsat", "sentinel1", ...), compared with a
            card's ``sensor``.
        bands: (native name, common names) per band, in file order.
    """

    key: str
    title: str
    family: str
    # (native name, common names) per band, in file order
    bands: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def count(self) -> int:
        """Number of bands."""
        return len(self.bands)

    def describe(self) -> str:
        """The title and the band names, for messages."""
        return tr("{title} ({count} bands: {0})").format(
            ", ".join((n for n, _ in self.bands)), title=self.title, count=self.count
        )


_S2 = {
    "B1": ("coastal",),
    "B2": ("blue",),
    "B3": ("green",),
    "B4": ("red",),
    "B5": ("rededge1", "rededge"),
    "B6": ("rededge2",),
    "B7": ("rededge3",),
    "B8": ("nir",),
    "B8A": ("nir08", "narrownir"),
    "B9": ("nir09", "watervapour"),
    "B10": ("cirrus",),
    "B11": ("swir16", "swir1"),
    "B12": ("swir22", "swir2"),
}


def _pick(table, names):
    return tuple((n, table[n]) for n in names)


LAYOUTS: dict[str, Layout] = {
    layout.key: layout
    for layout in (
        Layout(
            "sentinel2_l1c",
            "Sentinel-2 L1C",
            "sentinel2",
            _pick(_S2, ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12"]),
        ),
        Layout(
            "sentinel2_l2a",
            "Sentinel-2 L2A",
            "sentinel2",
            _pick(_S2, ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B11", "B12"]),
        ),
        Layout(
            "landsat89_oli",
            "Landsat 8/9 OLI-TIRS",
            "landsat89",
            (
                ("B1", ("coastal",)),
                ("B2", ("blue",)),
                ("B3", ("green",)),
                ("B4", ("red",)),
                ("B5", ("nir", "nir08")),
                ("B6", ("swir16", "swir1")),
                ("B7", ("swir22", "swir2")),
                ("B8", ("pan",)),
                ("B9", ("cirrus",)),
                ("B10", ("lwir11", "lwir")),
                ("B11", ("lwir12",)),
            ),
        ),
        Layout(
            "landsat89_sr",
            "Landsat 8/9 OLI surface reflectance",
            "landsat89",
            (
                ("B1", ("coastal",)),
                ("B2", ("blue",)),
                ("B3", ("green",)),
                ("B4", ("red",)),
                ("B5", ("nir", "nir08")),
                ("B6", ("swir16", "swir1")),
                ("B7", ("swir22", "swir2")),
            ),
        ),
        Layout(
            "landsat7_etm",
            "Landsat 7 ETM+",
            "landsat7",
            (
                ("B1", ("blue",)),
                ("B2", ("green",)),
                ("B3", ("red",)),
                ("B4", ("nir",)),
                ("B5", ("swir16", "swir1")),
                ("B6", ("lwir",)),
                ("B7", ("swir22", "swir2")),
                ("B8", ("pan",)),
            ),
        ),
        Layout("sentinel1", "Sentinel-1 VV/VH", "sentinel1", (("VV", ()), ("VH", ()))),
        Layout("rgb", "RGB", "rgb", (("R", ("red",)), ("G", ("green",)), ("B", ("blue",)))),
        Layout(
            "rgbn",
            "RGBN",
            "rgbn",
            (("R", ("red",)), ("G", ("green",)), ("B", ("blue",)), ("N", ("nir",))),
        ),
    )
}

# The layout assumed from the band count alone, when nothing else says.
LAYOUT_BY_COUNT = {
    13: "sentinel2_l1c",
    12: "sentinel2_l2a",
    11: "landsat89_oli",
    8: "landsat7_etm",
    7: "landsat89_sr",
    2: "sentinel1",
    3: "rgb",
    4: "rgbn",
}

ALIASES = {
    "R": "red",
    "G": "green",
    "B": "blue",
    "N": "nir",
    "NIR": "nir",
    "RED": "red",
    "GREEN": "green",
    "BLUE": "blue",
    "SWIR": "swir16",
}


def normalize(name: str) -> str:
    """Canonical spelling: ``B03``/``b3``/``Band3``-style S2 names to ``B3``, common names lower case.

    Args:
        name: a band name as written in a file or a card.

    Returns:
        str: ``B<n>[A]`` for a sensor band, ``VV``/``VH``/``HH``/``HV`` for a polarisation, the
        alias's target for a known alias, else the name in lower case.
    """
    text = name.strip()
    # Only sensor band names (B3, B03, B8A); generic GDAL names such as "Band 3" say
    # nothing about the sensor and are ignored by the caller.
    m = re.fullmatch(r"[Bb]0*(\d+)([Aa]?)", text)
    if m:
        return f"B{int(m.group(1))}{m.group(2).upper()}"
    upper = text.upper()
    if upper in ("VV", "VH", "HH", "HV"):
        return upper
    if upper in ALIASES:
        return ALIASES[upper]
    return text.lower()


def _normalize_request(name: str) -> str:
    return normalize(name)


@dataclass
class BandResolution:
    """Where ``resolve_bands`` found the requested bands.

    Attributes:
        indices: 1-based raster band per requested name, in request order.
        layout: the layout assumed, for messages and the log.
        sources: requested name -> how it was found (BAND_MAP, band description, layout, number).
    """

    indices: list[int]  # 1-based, one per requested band
    layout: str  # what was assumed, for messages and the log
    sources: dict[str, str] = field(default_factory=dict)  # requested name -> where it was found

    def describe(self, names: list[str]) -> str:
        """One log line: each requested name, its band and how it was found.

        Args:
            names: the requested names, in the order they were resolved.

        Returns:
            str: "red=band 4 (band description), ...".
        """
        return ", ".join(
            tr("{n}=band {i} ({0})").format(self.sources.get(n, "?"), n=n, i=i) for n, i in zip(names, self.indices)
        )


def parse_band_map(text: str | None) -> tuple[dict[str, int], str | None]:
    """Parse a BAND_MAP: ``NAME=NUMBER`` entries and/or one layout key.

    Args:
        text: the BAND_MAP text (``B3=3,B8=8``, ``sentinel2_l2a``, both), or None.

    Returns:
        tuple[dict[str, int], str | None]: (normalised name -> 1-based band, layout key or None).

    Raises:
        BandError: a text over 10000 characters, an entry that is neither NAME=NUMBER nor a
            known layout, two layouts, a name or a band given twice, a band number below 1.
    """
    mapping: dict[str, int] = {}
    layout = None
    if not text or not text.strip():
        return mapping, None
    if len(text) > 10000:
        raise BandError(tr("BAND_MAP is {0} characters long; a band mapping is at most 10000").format(len(text)))
    given: dict[str, str] = {}  # normalised name -> the entry that named it, for messages
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        if "=" not in part:
            key = part.strip().lower()
            if key in LAYOUTS:
                if layout is not None and layout != key:
                    raise BandError(
                        tr(
                            "BAND_MAP names two layouts, '{layout}' and '{key}'; a raster has one layout: keep one"
                        ).format(layout=layout, key=key)
                    )
                layout = key
                continue
            raise BandError(
                tr("BAND_MAP entry '{part}' is neither NAME=NUMBER nor a known layout ({0})").format(
                    ", ".join(LAYOUTS), part=part
                )
            )
        name, _, number = part.partition("=")
        name = name.strip()
        if not name:
            raise BandError(tr("BAND_MAP entry '{part}' has no band name before '='").format(part=part))
        if not re.fullmatch(r"[0-9]{1,6}", number.strip()):
            raise BandError(
                tr("BAND_MAP entry '{part}': '{number}' is not a band number (1-based)").format(
                    part=part, number=number
                )
            )
        index = int(number.strip())
        if index < 1:
            raise BandError(tr("BAND_MAP entry '{part}': band numbers start at 1").format(part=part))
        key = _normalize_request(name)
        if key in given:
            raise BandError(
                tr("BAND_MAP names '{name}' twice ('{0}' and '{part}'); give each band once").format(
                    given[key], name=name, part=part
                )
            )
        twin = next((given[k] for k, i in mapping.items() if i == index), None)
        if twin is not None:
            raise BandError(
                tr(
                    "BAND_MAP gives band {index} two names ('{twin}' and '{part}'); each name needs its own band"
                ).format(index=index, twin=twin, part=part)
            )
        given[key] = part
        mapping[key] = index
    return mapping, layout


def _layout_from_descriptions(descs: list[str], band_count: int | None = None) -> Layout | None:
    """The layout that the band descriptions point to.

    None when they are unknown or ambiguous (B2, B3, B4, B8 could be Sentinel-2 or Landsat: then
    names alone decide).
    """
    raw = [d.strip() for d in descs if d and d.strip()]
    names = {normalize(d) for d in raw}
    if not names:
        return None
    candidates = [layout for layout in LAYOUTS.values() if names <= {normalize(n) for n, _ in layout.bands}]
    if not candidates:
        return None
    # Descriptions naming every band in the layout's own order settle it.
    for layout in candidates:
        if layout.count == len(raw) == (band_count or len(raw)) and [normalize(d) for d in raw] == [
            normalize(n) for n, _ in layout.bands
        ]:
            return layout
    # Zero-padded names (B02) and B8A are Sentinel-2 conventions.
    if any(re.fullmatch(r"[Bb]0\d", d) or d.upper() == "B8A" for d in raw):
        candidates = [c for c in candidates if c.family == "sentinel2"]
    families = {c.family for c in candidates}
    if len(families) > 1 and "sentinel2" in families:
        # B2, B3, B4, B8 fit Sentinel-2 and Landsat alike; Sentinel-2 stacks named this way
        # are by far the most common. The log says so, and BAND_MAP=<layout> overrides.
        candidates = [c for c in candidates if c.family == "sentinel2"]
        families = {"sentinel2"}
    if len(families) != 1:
        return None
    return min(candidates, key=lambda c: c.count)


# resolve_bands decides once per raster which layout to assume and whether band positions can be
# trusted (_BandMatcher), then looks each requested name up: BAND_MAP, descriptions, the layout's
# positions, 'bandN'.


def _assumed_layout(layout_key: str | None, descs: list[str], band_count: int) -> tuple[Layout | None, str]:
    """The layout to assume (BAND_MAP's, else the descriptions', else the band count's) and why."""
    if layout_key:
        layout = LAYOUTS[layout_key]
        if layout.count > band_count and not any(d.strip() for d in descs):
            raise BandError(
                tr("BAND_MAP says the raster is {0}, but it has only {band_count} band(s)").format(
                    layout.describe(), band_count=band_count
                )
            )
        return layout, f"layout {layout.title} from BAND_MAP"
    layout = _layout_from_descriptions(descs, band_count)
    if layout is not None:
        return layout, f"layout {layout.title} from band descriptions"
    if band_count in LAYOUT_BY_COUNT:
        layout = LAYOUTS[LAYOUT_BY_COUNT[band_count]]
        return layout, f"layout {layout.title} assumed from the band count"
    return None, ""


def _positions_trusted(layout: Layout | None, layout_key: str | None, descs: list[str], band_count: int) -> bool:
    """Whether a band may be found by its position in the assumed layout."""
    # Band positions follow the layout only when the layout covers the whole raster;
    # a file whose descriptions name a subset (B2, B3, B4, B8) is matched by name alone.
    described_layout = _layout_from_descriptions(descs, band_count)
    # Descriptions that are band names of some sensor, but not of the assumed layout
    # (B2, B3, B4, B8 on a 4-band file guessed as RGBN), must never be overruled by positions.
    recognized = any(
        normalize(d) in {normalize(n) for lay in LAYOUTS.values() for n, _ in lay.bands}
        and re.fullmatch(r"[Bb]0*\d+[Aa]?", d.strip())
        for d in descs
        if d and d.strip()
    )
    return layout is not None and (
        (layout_key is not None and (layout.count == band_count or not recognized))
        or (described_layout is None and not recognized)
        or (described_layout is layout and layout.count == band_count)
    )


class _BandMatcher:
    """What one raster says about its bands, looked up name by name."""

    def __init__(self, band_count: int, descs: list[str], explicit: dict[str, int], layout_key: str | None):
        self.band_count = band_count
        self.descs = descs
        self.explicit = explicit
        self.by_description: dict[str, int] = {}
        for i, d in enumerate(descs, start=1):
            if d.strip():
                self.by_description.setdefault(normalize(d), i)
        self.layout, self.layout_source = _assumed_layout(layout_key, descs, band_count)
        # Common name -> native name for the assumed layout, so that 'nir' finds B8 on
        # Sentinel-2 and B5 on Landsat 8.
        self.common_to_native: dict[str, str] = {}
        self.native_position: dict[str, int] = {}
        if self.layout:
            for pos, (native, commons) in enumerate(self.layout.bands, start=1):
                self.native_position[normalize(native)] = pos
                for c in commons:
                    self.common_to_native.setdefault(c, normalize(native))
        self.trust_positions = _positions_trusted(self.layout, layout_key, descs, band_count)

    def candidates(self, key: str) -> list[str]:
        """The requested name and the names it goes by in the assumed layout."""
        candidates = [key]
        if key in self.common_to_native:
            candidates.append(self.common_to_native[key])
        # A native name asked by a card (e.g. 'B8') also answers to its common names.
        if self.layout:
            for native, commons in self.layout.bands:
                if normalize(native) == key:
                    candidates.extend(commons)
        return candidates

    def by_position(self, candidates: list[str]) -> int | None:
        for cand in candidates:
            position = self.native_position.get(cand)
            if position is None or position > self.band_count or not self.trust_positions:
                continue
            # A band that BAND_MAP gives to another name is that band, whatever the
            # layout guess says sits there (swir16=1,...,red=3 on 4 bands is no RGBN).
            if position in self.explicit.values():
                continue
            # A band whose own description names something else (an 'alpha' band where
            # RGBN would put NIR) is never taken by position.
            own = self.descs[position - 1].strip() if position <= len(self.descs) else ""
            generic = re.fullmatch(r"(?i)band[\s_]*\d+", own) is not None
            if own and not generic and normalize(own) not in candidates:
                continue
            return position
        return None

    def find(self, name: str) -> tuple[int, str]:
        """(1-based band, how it was found) for one requested name; BandError where none fits."""
        key = _normalize_request(name)
        candidates = self.candidates(key)
        for cand in candidates:
            if cand in self.explicit:
                return self.explicit[cand], "BAND_MAP"
        for cand in candidates:
            if cand in self.by_description:
                return self.by_description[cand], tr("band description")
        if self.layout:
            position = self.by_position(candidates)
            if position is not None:
                return position, self.layout_source
        if re.fullmatch(r"band\d+", key) and int(key[4:]) <= self.band_count:
            return int(key[4:]), tr("band number")
        assumed = (
            self.layout.describe() if self.layout else tr("no known layout (band count {0})").format(self.band_count)
        )
        listed = ", ".join(d for d in self.descs if d.strip()) or tr("none")
        raise BandError(
            tr(
                "band '{name}' is missing: the raster has {band_count} band(s), descriptions: "
                "{listed}; assumed layout: {assumed}. Pass BAND_MAP, e.g. {name}=<band number>"
            ).format(name=name, band_count=self.band_count, listed=listed, assumed=assumed)
        )


def resolve_bands(
    requested: list[str],
    band_count: int,
    descriptions: list[str | None] | None = None,
    band_map: str | None = None,
    sensor: str | None = None,
) -> BandResolution:
    """Find the 1-based raster band for each requested name.

    A name is looked up in BAND_MAP, then in the band descriptions, then by its position in the
    assumed layout (where positions can be trusted), then as ``bandN``.

    Args:
        requested: band names (common such as "nir", or native such as "B8").
        band_count: bands in the raster.
        descriptions: the raster's band descriptions (None entries allowed).
        band_map: the user's BAND_MAP, or None.
        sensor: the sensor family the model is made for, or None.

    Returns:
        BandResolution: the bands, the layout assumed and how each band was found.

    Raises:
        BandError: a bad BAND_MAP, a BAND_MAP band beyond the raster, a layout of the wrong
            sensor, or a requested band that cannot be found (the message names it).
    """
    explicit, layout_key = parse_band_map(band_map)
    for name, index in explicit.items():
        if index > band_count:
            raise BandError(
                tr("BAND_MAP maps '{name}' to band {index}, but the raster has only {band_count} band(s)").format(
                    name=name, index=index, band_count=band_count
                )
            )
    matcher = _BandMatcher(band_count, [d or "" for d in (descriptions or [])], explicit, layout_key)
    layout = matcher.layout
    if sensor and layout and layout.family != sensor and not explicit:
        raise BandError(
            tr(
                "the model is made for {sensor} imagery, but the raster looks like {0} "
                "({matcher_layout_source}); pass BAND_MAP if that guess is wrong"
            ).format(layout.describe(), sensor=sensor, matcher_layout_source=matcher.layout_source)
        )
    indices: list[int] = []
    sources: dict[str, str] = {}
    for name in requested:
        found, how = matcher.find(name)
        indices.append(found)
        sources[name] = how
    return BandResolution(
        indices=indices, layout=matcher.layout_source or "band descriptions/BAND_MAP", sources=sources
    )
