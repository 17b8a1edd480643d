#!/usr/bin/env python3
"""Regenerate the DejaVu Sans subsets embedded in the doctor-summary PDF.

The PDF renderer (core/src/report/pdf.rs) embeds these fonts with
`include_bytes!`, so every byte here ships in the phone library. The full
DejaVu Sans is ~740 KB; the subsets keep only the characters a summary can
contain (Latin, Greek and Cyrillic letters for names and free text, and the
punctuation the report uses) and drop hinting and OpenType layout tables
(the renderer does no shaping, and PDF viewers rasterise without hints).

Usage (from the repository root):

    pip install "fonttools==4.68.0"
    apt-get install -y fonts-dejavu-core          # Debian: DejaVu 2.37
    python3 core/assets/fonts/subset_fonts.py [SOURCE_DIR]

SOURCE_DIR defaults to Debian's /usr/share/fonts/truetype/dejavu. The output
is byte-for-byte reproducible for the same fontTools version and source
fonts (timestamps are not recalculated). Characters outside UNICODES are
drawn as '?' by the renderer; add ranges here (and re-run) to support more.

License: DejaVu fonts are under the Bitstream Vera / Arev licenses (see
LICENSE beside this script); the subsets keep the fonts' names (which contain
neither "Bitstream" nor "Vera") and their copyright/license name records.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = Path("/usr/share/fonts/truetype/dejavu")

FONTS = {
    "DejaVuSans.ttf": "DejaVuSans-subset.ttf",
    "DejaVuSans-Bold.ttf": "DejaVuSans-Bold-subset.ttf",
}

# Code points kept in both subsets. Keep in sync with the glyph-coverage test
# in core/src/report/pdf.rs (`font_covers_report_characters`).
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A (Central European names)
    (0x0218, 0x021B),  # Romanian S/T with comma below
    (0x0384, 0x03CE),  # Greek (modern monotonic letters)
    (0x0400, 0x045F),  # Cyrillic
    (0x0490, 0x0491),  # Ukrainian Ghe with upturn
    (0x2010, 0x2015),  # hyphens and dashes
    (0x2018, 0x201E),  # quotation marks
    (0x2020, 0x2022),  # daggers, bullet
    (0x2026, 0x2026),  # ellipsis
    (0x2030, 0x2030),  # per mille
    (0x2039, 0x203A),  # single guillemets
    (0x20AC, 0x20AC),  # euro
    (0x2116, 0x2116),  # numero
    (0x2122, 0x2122),  # trade mark
    (0x2190, 0x2193),  # arrows
    (0x2212, 0x2212),  # minus
    (0x2248, 0x2248),  # almost equal
    (0x2260, 0x2260),  # not equal
    (0x2264, 0x2265),  # less/greater or equal
    (0x25A0, 0x25A0),  # black square
    (0x25CB, 0x25CB),  # white circle
    (0x25CF, 0x25CF),  # black circle
    (0x2713, 0x2713),  # check mark
]
UNICODES = [cp for lo, hi in RANGES for cp in range(lo, hi + 1)]

# Name records kept: family/style/unique/full/version/PostScript names plus
# copyright (0), license description (13) and license URL (14), so the
# license notice travels with the embedded font as the license requires.
NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]


def options() -> subset.Options:
    o = subset.Options()
    o.hinting = False
    o.layout_features = []
    o.drop_tables += ["GSUB", "GPOS", "GDEF", "MATH", "kern", "FFTM", "hdmx", "LTSH", "VDMX", "gasp"]
    o.name_IDs = NAME_IDS
    o.name_languages = [0x0409]  # English (US) name records only
    o.notdef_outline = True
    o.recalc_timestamp = False
    o.glyph_names = False
    return o


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    for src_name, out_name in FONTS.items():
        src = source / src_name
        if not src.exists():
            print(f"missing {src} (apt-get install fonts-dejavu-core)", file=sys.stderr)
            return 1
        font = TTFont(src, recalcTimestamp=False)
        subsetter = subset.Subsetter(options())
        subsetter.populate(unicodes=UNICODES)
        subsetter.subset(font)
        out = HERE / out_name
        font.save(out)
        print(f"{out.relative_to(HERE.parent.parent.parent)}: {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
