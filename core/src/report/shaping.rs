//! Text in any script for the PDF: font choice per character (the bundled
//! DejaVu subset first, then the caller's fallback fonts), the Unicode
//! Bidirectional Algorithm (`unicode-bidi`) for right-to-left runs, shaping
//! with `rustybuzz` (HarfBuzz's algorithm: Arabic joining, ligatures, marks,
//! kerning), and subsetting of every font actually used with typst's
//! `subsetter` (TrueType and CFF outlines) so only used glyphs are embedded.
//!
//! Latin text the bundled font covers (below U+0300, no combining marks)
//! takes a fast path without shaping: it is most of every report, and the
//! 5-year benchmark depends on it.

use std::collections::BTreeMap;

use rustybuzz::{Direction, UnicodeBuffer};
use subsetter::GlyphRemapper;
use unicode_bidi::BidiInfo;

/// One font the document may use: parsed once per render.
pub(crate) struct FontFace<'a> {
    pub data: &'a [u8],
    pub index: u32,
    pub face: rustybuzz::Face<'a>,
    pub units_per_em: f32,
    /// PostScript name (for BaseFont), without the subset tag.
    pub ps_name: String,
    pub family: String,
}

impl<'a> FontFace<'a> {
    /// Parse a font file (TrueType/OpenType; for a collection, face 0).
    pub fn parse(data: &'a [u8]) -> Option<FontFace<'a>> {
        let face = rustybuzz::Face::from_slice(data, 0)?;
        let name = |id: u16| {
            face.names()
                .into_iter()
                .filter(|n| n.name_id == id && n.is_unicode())
                .find_map(|n| n.to_string())
                .unwrap_or_default()
        };
        let ps_name: String = name(ttf_parser::name_id::POST_SCRIPT_NAME)
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let family = name(ttf_parser::name_id::FAMILY);
        Some(FontFace {
            data,
            index: 0,
            units_per_em: face.units_per_em() as f32,
            ps_name: if ps_name.is_empty() { "Font".into() } else { ps_name },
            family,
            face,
        })
    }

    pub fn has(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    /// Advance width of a glyph in 1/1000 text-space units.
    pub fn advance(&self, glyph: u16) -> f32 {
        let units = self.face.glyph_hor_advance(ttf_parser::GlyphId(glyph)).unwrap_or(0);
        f32::from(units) * 1000.0 / self.units_per_em
    }

    pub fn to_pdf_units(&self, v: i16) -> f32 {
        f32::from(v) * 1000.0 / self.units_per_em
    }
}

/// A shaped glyph: original glyph id, advance and offsets in 1/1000 em, and
/// the text it stands for (the whole cluster on its first glyph, else empty).
#[derive(Clone, Debug)]
pub(crate) struct Glyph {
    pub gid: u16,
    pub advance: f32,
    pub dx: f32,
    pub text: String,
    /// A character no font has: drawn as `?`, and this is the text it
    /// stands for (the page's text layer keeps it through ActualText).
    pub missing: Option<char>,
}

/// Glyphs of one font, in visual (left-to-right drawing) order.
#[derive(Clone, Debug)]
pub(crate) struct Run {
    pub font: usize,
    pub glyphs: Vec<Glyph>,
}

impl Run {
    /// Width in 1/1000 em.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// Fonts in fallback order for one style: `primary` first, then `others`.
pub(crate) struct Fonts<'a> {
    pub faces: Vec<FontFace<'a>>,
}

/// Segment marker for characters no font has.
const MISSING: usize = usize::MAX;

/// Is `c` drawn without shaping when the primary font has it?
fn simple(c: char) -> bool {
    (c as u32) < 0x300
}

/// Combining marks, joiners and variation selectors stay with the font of
/// the character before them.
fn sticky(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0x200C | 0x200D | 0xFE20..=0xFE2F | 0xE0100..=0xE01EF)
        || (0x591..=0x5C7).contains(&(c as u32))
        || (0x610..=0x61A).contains(&(c as u32))
        || (0x64B..=0x65F).contains(&(c as u32))
        || c as u32 == 0x670
}

impl<'a> Fonts<'a> {
    /// The font for `c`: `primary` if it has it, else the first other font
    /// that has it (bundled ones, then the caller's), else None.
    fn pick(&self, primary: usize, c: char) -> Option<usize> {
        if self.faces[primary].has(c) {
            return Some(primary);
        }
        (0..self.faces.len()).filter(|&i| i != primary).find(|&i| self.faces[i].has(c))
    }

    /// Width of one line in 1/1000 em, as [`Fonts::layout`] would lay it out
    /// (without building the runs for simple text: table cells and word
    /// wrapping measure a lot of text).
    pub fn width(&self, primary: usize, s: &str) -> f32 {
        let font = &self.faces[primary];
        let mut w = 0.0;
        for c in s.chars() {
            if !simple(c) {
                return self.layout(primary, s).iter().map(Run::width).sum();
            }
            let c = if c.is_whitespace() || c.is_control() { ' ' } else { c };
            match font.face.glyph_index(c) {
                Some(g) => w += font.advance(g.0),
                None => return self.layout(primary, s).iter().map(Run::width).sum(),
            }
        }
        w
    }

    /// Lay out one line of text in `primary`'s style: runs in visual order.
    pub fn layout(&self, primary: usize, s: &str) -> Vec<Run> {
        let font = &self.faces[primary];
        // Fast path: simple characters the primary font has.
        if s.chars().all(|c| simple(c) && (c.is_whitespace() || c.is_control() || font.has(c))) {
            let glyphs = s
                .chars()
                .map(|c| {
                    let c = if c.is_whitespace() || c.is_control() { ' ' } else { c };
                    let gid = font.face.glyph_index(c).map(|g| g.0).unwrap_or(0);
                    Glyph { gid, advance: font.advance(gid), dx: 0.0, text: c.to_string(), missing: None }
                })
                .collect();
            return vec![Run { font: primary, glyphs }];
        }
        // Controls and line breaks as spaces.
        let clean: String = s
            .chars()
            .map(|c| {
                // Bidi controls stay for the bidi algorithm (never drawn);
                // characters no font has are drawn as '?' below.
                if c.is_whitespace() || c.is_control() {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let bidi = BidiInfo::new(&clean, None);
        let mut out = Vec::new();
        for para in &bidi.paragraphs {
            let (levels, runs) = bidi.visual_runs(para, para.range.clone());
            for range in runs {
                let rtl = levels[range.start].is_rtl();
                let text = &clean[range.clone()];
                // Split the run by font, in logical order.
                let mut segments: Vec<(usize, String)> = Vec::new();
                for c in text.chars().filter(|c| !super::pdf::is_bidi_control(*c)) {
                    if c != ' ' && !sticky(c) && self.pick(primary, c).is_none() {
                        segments.push((MISSING, c.to_string()));
                        continue;
                    }
                    let current = segments.last().map(|s| s.0).filter(|&f| f != MISSING);
                    // Marks stay with their base; a fallback font keeps the
                    // rest of its word; spaces return to the primary font.
                    let f = match current {
                        Some(cur) if sticky(c) => cur,
                        Some(cur) if c != ' ' && cur != primary && self.faces[cur].has(c) => cur,
                        _ => self.pick(primary, c).unwrap_or(primary),
                    };
                    match segments.last_mut() {
                        Some((sf, st)) if *sf == f => st.push(c),
                        _ => segments.push((f, c.to_string())),
                    }
                }
                if rtl {
                    segments.reverse();
                }
                for (f, seg) in segments {
                    if f == MISSING {
                        let gid = font.face.glyph_index('?').map(|g| g.0).unwrap_or(0);
                        let glyphs = seg
                            .chars()
                            .map(|c| Glyph {
                                gid,
                                advance: font.advance(gid),
                                dx: 0.0,
                                text: String::new(),
                                missing: Some(c),
                            })
                            .collect();
                        out.push(Run { font: primary, glyphs });
                    } else {
                        out.push(self.shape(f, &seg, rtl));
                    }
                }
            }
        }
        out
    }

    fn shape(&self, font: usize, text: &str, rtl: bool) -> Run {
        let f = &self.faces[font];
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
        let shaped = rustybuzz::shape(&f.face, &[], buffer);
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        // Cluster boundaries (byte offsets into `text`), sorted.
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        crate::sort::sort(&mut starts);
        starts.dedup();
        let end_of = |start: usize| starts.iter().copied().find(|&s| s > start).unwrap_or(text.len());
        let mut seen = std::collections::HashSet::new();
        let scale = 1000.0 / f.units_per_em;
        let glyphs = infos
            .iter()
            .zip(positions)
            .map(|(info, pos)| {
                let start = info.cluster as usize;
                let text = if seen.insert(start) { text[start..end_of(start)].to_string() } else { String::new() };
                Glyph {
                    gid: info.glyph_id as u16,
                    advance: pos.x_advance as f32 * scale,
                    dx: pos.x_offset as f32 * scale,
                    text,
                    missing: None,
                }
            })
            .collect();
        Run { font, glyphs }
    }
}

/// Glyphs used from one font: original id -> id in the subset, the text of
/// each for the ToUnicode map.
#[derive(Default)]
pub(crate) struct Usage {
    pub remapper: GlyphRemapper,
    /// New glyph id -> (original id, text).
    pub glyphs: BTreeMap<u16, (u16, String)>,
}

impl Usage {
    pub fn new() -> Usage {
        Usage { remapper: GlyphRemapper::new(), glyphs: BTreeMap::new() }
    }

    /// The subset id of `g`, recording the text it shows (first text wins).
    pub fn use_glyph(&mut self, g: &Glyph) -> u16 {
        let new = self.remapper.remap(g.gid);
        let entry = self.glyphs.entry(new).or_insert((g.gid, String::new()));
        if entry.1.is_empty() && !g.text.is_empty() {
            entry.1 = g.text.clone();
        }
        new
    }
}
