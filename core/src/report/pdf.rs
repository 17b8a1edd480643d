//! The doctor summary as a PDF, generated on the device.
//!
//! Page 1 is what a clinician reads in 30 seconds: who and which period,
//! six headline numbers, the plan's status (active, paused or stopped, since
//! when, why, with rule ids), what the user reported (conditions and
//! allergies, profile changes with their dates, a clinician clearance as
//! reported), medicines with their dates (courses from logged doses: name,
//! first and last dose, interval, doses, spacing kept or missed), red flags
//! in context (local time, each symptom with severity, the last drink before
//! it, the user's note, the level and what the app told them), limits not
//! kept, the screening findings, and a vector chart of daily intake (bars)
//! against the plan's target (a step line) with the worst symptom severity
//! of each day, check-in or reaction report (coloured dots, bigger when
//! worse) and red-flag days (triangles). The sections share the space above
//! the chart; what does not fit is in the appendix, and the chart grows into
//! what they leave. Appendix pages hold the full findings, red flags in
//! context, the daily log (paginated, header repeated, the worst symptom
//! named), symptoms, Bristol distribution, plan events, medicine courses,
//! limits not kept, notes, profile versions, what was drunk, conditions and
//! medicines, the limits in force, and how the figures are computed. Every
//! page carries the disclaimer, the app version and "Page X of N".
//!
//! Text is shaped (`rustybuzz`) in its direction (`unicode-bidi`), set in
//! DejaVu Sans (a subset shipped in `core/assets/fonts`) and, for characters
//! it lacks, in the caller's fallback fonts (see [`render_with_fonts`]);
//! every font used is subset (`subsetter`) and embedded as a Type 0 font
//! (CIDFontType2 for TrueType, CIDFontType0C for CFF outlines) with
//! Identity-H encoding and a ToUnicode CMap, so the text can be searched,
//! copied and extracted (e.g. by `pdftotext`). Characters no font has are
//! drawn as `?` inside an ActualText span that keeps the real character in
//! the text layer, and the footer names them (U+ code points). Text the user
//! typed is set in bidi isolates (FSI…PDI, any bidi controls it carries
//! dropped), so a right-to-left name cannot reorder the line around it.
//! Streams are deflate-compressed. The output is a pure
//! function of the summary, the paper size and the fonts.

use super::shaping::{FontFace, Fonts, Usage};

use chrono::{Datelike, NaiveDate, Offset, Timelike};
use miniz_oxide::deflate::compress_to_vec_zlib;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Settings, Str, TextStr};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::intake::{KefirKind, Source};
use crate::plan::DecisionKind;
use crate::report::{Summary, DISCLAIMER};
use crate::rules::Level;
use crate::time::{Timestamp, Zone};
use crate::vocab::Severity;

/// Paper size of the PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in PDF points (1/72 in).
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// Render the summary as a PDF document.
///
/// Fails with [`CoreError::Invalid`] if the summary's time zone is not a
/// valid IANA name, and with [`CoreError::Internal`] if the embedded font
/// cannot be read (a build defect).
pub fn render(summary: &Summary, paper: Paper) -> Result<Vec<u8>> {
    render_with_fonts(summary, paper, &[])
}

/// [`render`] with fallback fonts (TrueType/OpenType/collection file bytes,
/// e.g. the phone's system fonts or Debian's Noto fonts) for characters the
/// bundled DejaVu subset lacks (Vietnamese, Hebrew, Arabic, CJK, ...). They
/// are tried in order, per character; only the glyphs used are embedded.
/// Characters no font has are drawn as `?` (their code point kept in the
/// text layer and listed in the footer). A fallback that is not a font:
/// InvalidInput `fonts`.
pub fn render_with_fonts(summary: &Summary, paper: Paper, fallback: &[Vec<u8>]) -> Result<Vec<u8>> {
    let zone = Zone::parse(&summary.time_zone)?;
    let fonts = load_fonts(fallback)?;
    let mut doc = Doc::new(&fonts, paper);
    let summary = &isolate_user_text(summary);
    let ctx = Ctx::new(summary, zone);
    first_page(&mut doc, &ctx);
    appendix(&mut doc, &ctx);
    footers(&mut doc, &ctx);
    doc.finish(&ctx)
}

/// " (2 before it, 3 after it)" for the doses of a course outside the period.
fn outside(c: &crate::report::MedCourse) -> String {
    match (c.doses_before, c.doses_after) {
        (0, 0) => String::new(),
        (b, 0) => format!(" ({b} before it)"),
        (0, a) => format!(" ({a} after it)"),
        (b, a) => format!(" ({b} before it, {a} after it)"),
    }
}

/// Unicode bidi embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069): typed or restored text may carry them ("Evil\u{202E}gnp.exe").
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Text the user typed, for the page: any bidi controls it carries are
/// dropped and each line is wrapped in FIRST STRONG ISOLATE … POP
/// DIRECTIONAL ISOLATE (UAX #9), so a right-to-left name or note keeps its
/// own direction and cannot reorder the text around it.
pub(crate) fn isolate(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let clean: String = line.chars().filter(|c| !is_bidi_control(*c)).collect();
            if clean.trim().is_empty() {
                clean
            } else {
                format!("\u{2068}{clean}\u{2069}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The summary with every field the user typed (name, notes, medicine
/// names, clearance note) isolated for the page.
fn isolate_user_text(s: &Summary) -> Summary {
    let mut s = s.clone();
    let iso = |t: &mut Option<String>| {
        if let Some(x) = t.as_mut() {
            *x = isolate(x);
        }
    };
    iso(&mut s.display_name);
    for n in &mut s.notes {
        n.text = isolate(&n.text);
    }
    for r in &mut s.red_flags {
        iso(&mut r.note);
    }
    for c in &mut s.courses {
        iso(&mut c.name);
    }
    if let Some(c) = s.clearance.as_mut() {
        iso(&mut c.note);
    }
    s
}

// ---------------------------------------------------------------------------
// Fonts

/// The bundled DejaVu subsets, zlib-compressed at build time (core/build.rs).
const REGULAR_TTF_Z: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/DejaVuSans-subset.ttf.z"));
const BOLD_TTF_Z: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/DejaVuSans-Bold-subset.ttf.z"));

/// The bundled fonts, inflated once per process.
fn bundled() -> Result<&'static [Vec<u8>; 2]> {
    static FONTS: std::sync::OnceLock<Option<[Vec<u8>; 2]>> = std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| {
            let inflate = |z: &[u8]| miniz_oxide::inflate::decompress_to_vec_zlib(z).ok();
            Some([inflate(REGULAR_TTF_Z)?, inflate(BOLD_TTF_Z)?])
        })
        .as_ref()
        .ok_or_else(|| CoreError::Internal("embedded font unreadable".into()))
}

/// The bundled fonts (DejaVu Sans and Bold, faces 0 and 1) then `fallback`
/// fonts in the caller's order. A fallback that cannot be parsed is an
/// InvalidInput `fonts` error.
fn load_fonts(fallback: &[Vec<u8>]) -> Result<Fonts<'_>> {
    let mut faces = Vec::with_capacity(2 + fallback.len());
    for data in bundled()? {
        faces.push(FontFace::parse(data).ok_or_else(|| CoreError::Internal("embedded font unreadable".into()))?);
    }
    for data in fallback {
        faces.push(
            FontFace::parse(data)
                .ok_or_else(|| CoreError::invalid("fonts", "a fallback font is not a TrueType/OpenType font"))?,
        );
    }
    Ok(Fonts { faces })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Face {
    Regular = 0,
    Bold = 1,
}

// ---------------------------------------------------------------------------
// Styles

#[derive(Clone, Copy, Debug, PartialEq)]
struct Rgb(f32, f32, f32);

const fn hex(v: u32) -> Rgb {
    Rgb(((v >> 16) & 0xff) as f32 / 255.0, ((v >> 8) & 0xff) as f32 / 255.0, (v & 0xff) as f32 / 255.0)
}

const INK: Rgb = hex(0x1a1a1a);
const MUTED: Rgb = hex(0x5f6368);
const RULE: Rgb = hex(0xc8ccd0);
const GRID: Rgb = hex(0xe3e6e9);
const TILE: Rgb = hex(0xf1f3f5);
const ZEBRA: Rgb = hex(0xf6f7f8);
const HEADER_BG: Rgb = hex(0xe6e9ec);
const WHITE: Rgb = hex(0xffffff);
const BAR: Rgb = hex(0x6d9ec9);
const TARGET: Rgb = hex(0x222222);
const RED_FLAG: Rgb = hex(0x9b111e);
const GOOD: Rgb = hex(0x2e8b57);

fn severity_color(s: Severity) -> Rgb {
    match s {
        Severity::None => GOOD,
        Severity::Mild => hex(0xe3b505),
        Severity::Moderate => hex(0xee7b1c),
        Severity::Severe => hex(0xd1262b),
    }
}

/// Dot radius for a severity: bigger when worse, so the chart also reads
/// in greyscale.
fn severity_radius(s: Severity) -> f32 {
    match s {
        Severity::None => 1.6,
        Severity::Mild => 2.2,
        Severity::Moderate => 2.9,
        Severity::Severe => 3.6,
    }
}

fn level_color(l: Level) -> Rgb {
    match l {
        Level::Info => hex(0x3f6ea8),
        Level::Caution => hex(0xc08a00),
        Level::Consult => hex(0xdd6b00),
        Level::Stop => hex(0xc62828),
        Level::Emergency => hex(0x7b1010),
    }
}

#[derive(Clone, Copy, Debug)]
struct Style {
    face: Face,
    size: f32,
    color: Rgb,
}

const fn style(face: Face, size: f32, color: Rgb) -> Style {
    Style { face, size, color }
}

const TITLE: Style = style(Face::Bold, 17.0, INK);
const H2: Style = style(Face::Bold, 11.5, INK);
const H3: Style = style(Face::Bold, 9.5, INK);
const BODY: Style = style(Face::Regular, 9.0, INK);
const BODY_BOLD: Style = style(Face::Bold, 9.0, INK);
const SMALL: Style = style(Face::Regular, 7.5, MUTED);
const TABLE: Style = style(Face::Regular, 8.0, INK);
const TABLE_HEAD: Style = style(Face::Bold, 7.5, INK);
const TILE_LABEL: Style = style(Face::Regular, 7.0, MUTED);
const TILE_VALUE: Style = style(Face::Bold, 14.0, INK);
const FOOT: Style = style(Face::Regular, 7.0, MUTED);

const MARGIN: f32 = 40.0;
/// Height range of the page-1 chart (title, legend and axes included).
const CHART_MIN_H: f32 = 236.0;
const CHART_MAX_H: f32 = 460.0;
/// Tables up to this height (pt) are kept on one page.
const SHORT_TABLE: f32 = 180.0;
/// Vertical padding inside table cells.
const CELL_PAD: f32 = 2.2;
/// Space reserved at the bottom of every page for the footer.
const FOOTER_H: f32 = 50.0;
/// Top of the content on appendix pages (below the running header).
const APPENDIX_TOP: f32 = 52.0;

// ---------------------------------------------------------------------------
// Drawing surface

/// The document under construction: one content stream per page, drawn in
/// top-down coordinates (y grows downwards from the top edge; text y is the
/// baseline), plus the glyphs used per font for the ToUnicode maps.
struct Doc<'f> {
    fonts: &'f Fonts<'f>,
    w: f32,
    h: f32,
    pages: Vec<Content>,
    /// The page drawn on.
    cur: usize,
    /// Glyphs used per font (index as in `fonts.faces`).
    used: Vec<Usage>,
    /// Flow cursor on appendix pages.
    y: f32,
    /// Characters no font had (drawn as `?`, kept in the text layer).
    missing: std::collections::BTreeSet<char>,
}

/// Round to 1/100 pt so coordinates stay short in the content stream.
fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

impl<'f> Doc<'f> {
    fn new(fonts: &'f Fonts<'f>, paper: Paper) -> Doc<'f> {
        let (w, h) = paper.size();
        let used = fonts.faces.iter().map(|_| Usage::new()).collect();
        Doc { fonts, w, h, pages: vec![Content::new()], cur: 0, used, y: 0.0, missing: Default::default() }
    }

    fn content_w(&self) -> f32 {
        self.w - 2.0 * MARGIN
    }

    fn page(&mut self) -> &mut Content {
        // `cur` always indexes an existing page: `new` starts with one and
        // `new_page` pushes before pointing at it.
        &mut self.pages[self.cur]
    }

    /// Width of `s` in points (shaped).
    fn width(&self, st: Style, s: &str) -> f32 {
        self.fonts.width(st.face as usize, s) * st.size / 1000.0
    }

    /// Draw one line of text with its baseline at `y`, shaped and in its
    /// direction; each glyph's advance comes from the shaper (TJ adjustments
    /// where it differs from the font's own width).
    fn text(&mut self, x: f32, y: f32, st: Style, s: &str) {
        if s.is_empty() {
            return;
        }
        let runs = self.fonts.layout(st.face as usize, s);
        let (h, Rgb(r, g, b)) = (self.h, st.color);
        let mut pen = x;
        // Per run: font, x, glyph bytes, (byte offset, TJ adjustment), and
        // for a character no font has, the text it stands for.
        type Drawn = (usize, f32, Vec<u8>, Vec<(usize, f32)>, Option<char>);
        let mut drawn: Vec<Drawn> = Vec::with_capacity(runs.len());
        for run in &runs {
            let face = &self.fonts.faces[run.font];
            if run.glyphs.iter().any(|g| g.missing.is_some()) {
                let mut at = pen;
                for gl in &run.glyphs {
                    let new = self.used[run.font].use_glyph(gl);
                    drawn.push((run.font, at, new.to_be_bytes().to_vec(), Vec::new(), gl.missing));
                    if let Some(c) = gl.missing {
                        self.missing.insert(c);
                    }
                    at += gl.advance * st.size / 1000.0;
                }
                pen += run.width() * st.size / 1000.0;
                continue;
            }
            let mut bytes = Vec::with_capacity(run.glyphs.len() * 2);
            // (byte offset after which to adjust, adjustment in 1/1000 em)
            let mut adjust: Vec<(usize, f32)> = Vec::new();
            for gl in &run.glyphs {
                let new = self.used[run.font].use_glyph(gl);
                if gl.dx != 0.0 {
                    adjust.push((bytes.len(), -gl.dx));
                }
                bytes.extend_from_slice(&new.to_be_bytes());
                let diff = face.advance(gl.gid) - gl.advance - gl.dx;
                if diff.abs() > 0.01 {
                    adjust.push((bytes.len(), diff));
                }
            }
            drawn.push((run.font, pen, bytes, adjust, None));
            pen += run.width() * st.size / 1000.0;
        }
        let page = self.page();
        page.set_fill_rgb(r, g, b);
        for (font, at, bytes, adjust, actual) in drawn {
            if let Some(c) = actual {
                // ActualText (PDF 32000-1 14.9.4): extractors read the real
                // character, not the '?' drawn for it.
                let mut mc = page.begin_marked_content_with_properties(Name(b"Span"));
                mc.properties().actual_text(TextStr(c.encode_utf8(&mut [0; 4])));
            }
            page.begin_text();
            let resource = format!("F{font}");
            page.set_font(Name(resource.as_bytes()), st.size);
            page.next_line(r2(at), r2(h - y));
            if adjust.is_empty() {
                page.show(Str(&bytes));
            } else {
                let mut items = page.show_positioned();
                let mut items = items.items();
                let mut from = 0;
                for (offset, amount) in adjust {
                    if offset > from {
                        items.show(Str(&bytes[from..offset]));
                        from = offset;
                    }
                    items.adjust((amount * 100.0).round() / 100.0);
                }
                if from < bytes.len() {
                    items.show(Str(&bytes[from..]));
                }
            }
            page.end_text();
            if actual.is_some() {
                page.end_marked_content();
            }
        }
    }

    fn text_right(&mut self, right: f32, y: f32, st: Style, s: &str) {
        let w = self.width(st, s);
        self.text(right - w, y, st, s);
    }

    fn text_center(&mut self, center: f32, y: f32, st: Style, s: &str) {
        let w = self.width(st, s);
        self.text(center - w / 2.0, y, st, s);
    }

    /// `s` cut to fit `max_w`, with an ellipsis when cut.
    fn fit(&self, st: Style, s: &str, max_w: f32) -> String {
        if self.width(st, s) <= max_w {
            return s.to_string();
        }
        let mut out: String = s.to_string();
        while !out.is_empty() && self.width(st, &format!("{out}…")) > max_w {
            out.pop();
        }
        format!("{}…", out.trim_end())
    }

    /// Greedy word wrap to `max_w`; words longer than a line are broken.
    /// Newlines in `s` start new lines. Always at least one line.
    fn wrap(&self, st: Style, s: &str, max_w: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let space = self.width(st, " ");
        for para in s.split('\n') {
            let mut line = String::new();
            let mut line_w = 0.0;
            for word in para.split_whitespace() {
                let word_w = self.width(st, word);
                if !line.is_empty() && line_w + space + word_w <= max_w {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space + word_w;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if word_w <= max_w {
                    line = word.to_string();
                    line_w = word_w;
                } else {
                    // Break an overlong word (a URL, an id) by characters,
                    // after its last '_', '/', '-' or '.' that fits when there is one.
                    let mut piece = String::new();
                    for c in word.chars() {
                        piece.push(c);
                        if self.width(st, &piece) > max_w && piece.chars().count() > 1 {
                            piece.pop();
                            let cut = piece
                                .char_indices()
                                .filter(|&(i, ch)| i > 0 && matches!(ch, '_' | '/' | '-' | '.'))
                                .map(|(i, ch)| i + ch.len_utf8())
                                .next_back()
                                .filter(|&i| i < piece.len());
                            match cut {
                                Some(i) => {
                                    let rest = piece.split_off(i);
                                    lines.push(std::mem::replace(&mut piece, rest));
                                }
                                None => lines.push(std::mem::take(&mut piece)),
                            }
                            piece.push(c);
                        }
                    }
                    line_w = self.width(st, &piece);
                    line = piece;
                }
            }
            lines.push(line);
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }

    fn fill_rect(&mut self, x: f32, y_top: f32, w: f32, h: f32, color: Rgb) {
        let page_h = self.h;
        let page = self.page();
        page.set_fill_rgb(color.0, color.1, color.2);
        page.rect(r2(x), r2(page_h - y_top - h), r2(w), r2(h));
        page.fill_nonzero();
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Rgb) {
        let h = self.h;
        let page = self.page();
        page.set_stroke_rgb(color.0, color.1, color.2);
        page.set_line_width(width);
        page.move_to(r2(x1), r2(h - y1));
        page.line_to(r2(x2), r2(h - y2));
        page.stroke();
    }

    /// Add a circle to the current path (caller fills).
    fn circle_path(&mut self, cx: f32, cy: f32, r: f32) {
        const K: f32 = 0.552_284_8;
        let (cx, cy, k) = (r2(cx), r2(self.h - cy), r2(r * K));
        let r = r2(r);
        let page = self.page();
        page.move_to(cx + r, cy);
        page.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        page.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        page.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        page.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        page.close_path();
    }

    fn dot(&mut self, cx: f32, cy: f32, r: f32, color: Rgb) {
        self.page().set_fill_rgb(color.0, color.1, color.2);
        self.circle_path(cx, cy, r);
        self.page().fill_nonzero();
    }

    /// A downward-pointing triangle centred at (cx, cy).
    fn triangle(&mut self, cx: f32, cy: f32, size: f32, color: Rgb) {
        let h = self.h;
        let page = self.page();
        page.set_fill_rgb(color.0, color.1, color.2);
        page.move_to(r2(cx - size), r2(h - cy + size * 0.8));
        page.line_to(r2(cx + size), r2(h - cy + size * 0.8));
        page.line_to(r2(cx), r2(h - cy - size * 0.8));
        page.close_path();
        page.fill_nonzero();
    }

    // -- appendix flow ------------------------------------------------------

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.cur = self.pages.len() - 1;
        self.y = APPENDIX_TOP;
    }

    fn bottom(&self) -> f32 {
        self.h - FOOTER_H - 8.0
    }

    /// Start a new page unless `need` points still fit. True if it did.
    fn ensure(&mut self, need: f32) -> bool {
        if self.y + need > self.bottom() {
            self.new_page();
            true
        } else {
            false
        }
    }

    /// A section heading, kept together with `keep` points of what follows.
    fn heading(&mut self, title: &str, keep: f32) {
        if self.y > APPENDIX_TOP {
            self.y += 10.0;
        }
        self.ensure(22.0 + keep);
        self.text(MARGIN, self.y + 12.0, H2, title);
        self.y += 17.0;
        self.line(MARGIN, self.y, self.w - MARGIN, self.y, 0.6, RULE);
        self.y += 6.0;
    }

    /// A wrapped paragraph in the flow.
    fn paragraph(&mut self, st: Style, s: &str) {
        let lead = st.size * 1.35;
        for line in self.wrap(st, s, self.content_w()) {
            self.ensure(lead);
            self.text(MARGIN, self.y + st.size, st, &line);
            self.y += lead;
        }
    }

    /// A table with a header row (repeated after page breaks), zebra rows
    /// and wrapped cells. `widths` are in points; the last column takes the
    /// rest of the line.
    fn table(&mut self, title: &str, cols: &[Col], rows: &[Vec<Cell>], empty: &str) {
        let row_lead = TABLE.size * 1.3;
        let pad = CELL_PAD;
        let total_w = self.content_w();
        let mut widths: Vec<f32> = cols.iter().map(|c| c.width).collect();
        if let Some(last) = widths.last_mut() {
            let used: f32 = cols[..cols.len() - 1].iter().map(|c| c.width).sum();
            *last = (total_w - used).max(20.0);
        }
        let head_h = TABLE_HEAD.size + 2.0 * pad + 2.0;
        let layouts: Vec<(Vec<Vec<String>>, f32)> =
            rows.iter().map(|r| self.row_layout(cols, &widths, r, pad)).collect();
        // Keep the heading with the first row, or with the whole table when
        // it is short, so small tables are not split across pages.
        let whole: f32 = layouts.iter().map(|l| l.1).sum();
        let first_h = layouts.first().map(|l| l.1).unwrap_or(row_lead + 2.0 * pad);
        self.heading(title, head_h + if whole <= SHORT_TABLE { whole } else { first_h });
        if rows.is_empty() {
            self.paragraph(style(Face::Regular, 8.5, MUTED), empty);
            return;
        }
        self.table_header(cols, &widths, pad);
        for (i, (row, (lines, h))) in rows.iter().zip(layouts).enumerate() {
            if self.ensure(h) {
                self.text(MARGIN, self.y + 9.0, H3, &format!("{title} (continued)"));
                self.y += 14.0;
                self.table_header(cols, &widths, pad);
            }
            if i % 2 == 1 {
                self.fill_rect(MARGIN, self.y, total_w, h, ZEBRA);
            }
            let mut x = MARGIN;
            for ((col, w), (cell, cell_lines)) in cols.iter().zip(&widths).zip(row.iter().zip(&lines)) {
                let mut tx = x + pad;
                if let Some(c) = cell.dot {
                    self.dot(tx + 2.5, self.y + pad + TABLE.size * 0.62, 2.5, c);
                    tx += 8.0;
                }
                let st = Style { color: cell.color.unwrap_or(INK), ..TABLE };
                for (k, line) in cell_lines.iter().enumerate() {
                    let baseline = self.y + pad + TABLE.size + k as f32 * row_lead;
                    match col.align {
                        Align::Left => self.text(tx, baseline, st, line),
                        Align::Right => self.text_right(x + w - pad, baseline, st, line),
                    }
                }
                x += w;
            }
            self.y += h;
        }
        self.line(MARGIN, self.y, MARGIN + total_w, self.y, 0.5, RULE);
    }

    fn table_header(&mut self, cols: &[Col], widths: &[f32], pad: f32) {
        let h = TABLE_HEAD.size + 2.0 * pad + 2.0;
        self.fill_rect(MARGIN, self.y, widths.iter().sum(), h, HEADER_BG);
        let mut x = MARGIN;
        for (col, w) in cols.iter().zip(widths) {
            let label = self.fit(TABLE_HEAD, col.title, w - 2.0 * pad);
            match col.align {
                Align::Left => self.text(x + pad, self.y + pad + TABLE_HEAD.size + 1.0, TABLE_HEAD, &label),
                Align::Right => self.text_right(x + w - pad, self.y + pad + TABLE_HEAD.size + 1.0, TABLE_HEAD, &label),
            }
            x += w;
        }
        self.y += h;
    }

    /// Wrapped lines per cell and the row height. A cell too long for one
    /// page is cut (with an ellipsis) so that every row fits on a page.
    fn row_layout(&self, cols: &[Col], widths: &[f32], row: &[Cell], pad: f32) -> (Vec<Vec<String>>, f32) {
        let lead = TABLE.size * 1.3;
        let max_lines = (((self.bottom() - APPENDIX_TOP - 60.0) / lead).floor() as usize).max(1);
        let mut lines = Vec::with_capacity(cols.len());
        let mut n = 1usize;
        for ((col, w), cell) in cols.iter().zip(widths).zip(row) {
            let avail = w - 2.0 * pad - if cell.dot.is_some() { 8.0 } else { 0.0 };
            let mut l =
                if col.wrap { self.wrap(TABLE, &cell.text, avail) } else { vec![self.fit(TABLE, &cell.text, avail)] };
            if l.len() > max_lines {
                l.truncate(max_lines);
                let last = l.pop().unwrap_or_default();
                l.push(self.fit(TABLE, &format!("{last}…"), avail));
            }
            n = n.max(l.len());
            lines.push(l);
        }
        (lines, 2.0 * pad + TABLE.size * 1.15 + (n - 1) as f32 * lead)
    }

    // -- output ---------------------------------------------------------------

    fn finish(self, ctx: &Ctx<'_>) -> Result<Vec<u8>> {
        let mut pdf = Pdf::with_settings(Settings { pretty: false });
        let mut next_id = 0;
        let mut alloc = || {
            next_id += 1;
            Ref::new(next_id)
        };
        let catalog_id = alloc();
        let tree_id = alloc();
        let info_id = alloc();
        let page_ids: Vec<(Ref, Ref)> = self.pages.iter().map(|_| (alloc(), alloc())).collect();
        // Per used font: Type0 font, CIDFont, descriptor, font file, ToUnicode.
        let used_fonts: Vec<usize> = (0..self.used.len()).filter(|&i| !self.used[i].glyphs.is_empty()).collect();
        let font_ids: Vec<[Ref; 5]> =
            used_fonts.iter().map(|_| [alloc(), alloc(), alloc(), alloc(), alloc()]).collect();

        pdf.catalog(catalog_id).pages(tree_id).lang(TextStr("en"));
        pdf.pages(tree_id).kids(page_ids.iter().map(|p| p.0)).count(page_ids.len() as i32);

        for ((page_id, content_id), content) in page_ids.iter().zip(self.pages) {
            let mut page = pdf.page(*page_id);
            page.parent(tree_id).media_box(Rect::new(0.0, 0.0, self.w, self.h)).contents(*content_id);
            let mut resources = page.resources();
            let mut dict = resources.fonts();
            for (&font, ids) in used_fonts.iter().zip(&font_ids) {
                let resource = format!("F{font}");
                dict.pair(Name(resource.as_bytes()), ids[0]);
            }
            dict.finish();
            resources.finish();
            page.finish();
            let data = compress_to_vec_zlib(&content.finish().into_vec(), 6);
            pdf.stream(*content_id, &data).filter(Filter::FlateDecode);
        }

        let system_info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
        for (n, (&i, ids)) in used_fonts.iter().zip(&font_ids).enumerate() {
            let [type0_id, cid_id, descriptor_id, file_id, cmap_id] = *ids;
            let font = &self.fonts.faces[i];
            let usage = &self.used[i];
            let subset = subsetter::subset(font.data, font.index, &usage.remapper)
                .map_err(|e| CoreError::invalid("fonts", &format!("font {} cannot be subset: {e}", font.ps_name)))?;
            // CFF outlines go in as a bare CFF program (CIDFontType0C), TrueType whole.
            let cff = ttf_parser::RawFace::parse(&subset, 0)
                .ok()
                .and_then(|f| f.table(ttf_parser::Tag::from_bytes(b"CFF ")))
                .map(<[u8]>::to_vec);
            // Subset tag: six letters from the font's position, as PDF asks for subsets.
            let tag: String = (0..6).map(|k| (b'A' + ((n * 7 + k * 3 + i) % 26) as u8) as char).collect();
            let base_name = format!("{tag}+{}", font.ps_name);
            pdf.type0_font(type0_id)
                .base_font(Name(base_name.as_bytes()))
                .encoding_predefined(Name(b"Identity-H"))
                .descendant_font(cid_id)
                .to_unicode(cmap_id);

            let mut cid = pdf.cid_font(cid_id);
            cid.subtype(if cff.is_some() { CidFontType::Type0 } else { CidFontType::Type2 })
                .base_font(Name(base_name.as_bytes()))
                .system_info(system_info)
                .font_descriptor(descriptor_id)
                .default_width(0.0);
            if cff.is_none() {
                cid.cid_to_gid_map_predefined(Name(b"Identity"));
            }
            // Widths of the glyphs used (subset ids), in runs of consecutive ids.
            let mut widths = cid.widths();
            let glyphs: Vec<(u16, u16)> = usage.glyphs.iter().map(|(&new, (old, _))| (new, *old)).collect();
            let mut start = 0;
            while start < glyphs.len() {
                let mut end = start + 1;
                while end < glyphs.len() && glyphs[end - 1].0.checked_add(1) == Some(glyphs[end].0) {
                    end += 1;
                }
                widths
                    .consecutive(glyphs[start].0, glyphs[start..end].iter().map(|&(_, old)| font.advance(old).round()));
                start = end;
            }
            widths.finish();
            cid.finish();

            let face = &font.face;
            let bbox = face.global_bounding_box();
            let weight = face.weight().to_number();
            let family = if font.family.is_empty() { font.ps_name.clone() } else { font.family.clone() };
            let mut descriptor = pdf.font_descriptor(descriptor_id);
            descriptor
                .name(Name(base_name.as_bytes()))
                .family(Str(family.as_bytes()))
                .flags(FontFlags::SYMBOLIC)
                .weight(weight)
                .bbox(Rect::new(
                    font.to_pdf_units(bbox.x_min),
                    font.to_pdf_units(bbox.y_min),
                    font.to_pdf_units(bbox.x_max),
                    font.to_pdf_units(bbox.y_max),
                ))
                .italic_angle(0.0)
                .ascent(font.to_pdf_units(face.ascender()))
                .descent(font.to_pdf_units(face.descender()))
                .cap_height(font.to_pdf_units(face.capital_height().unwrap_or(face.ascender())))
                .stem_v(10.0 + 0.244 * (f32::from(weight) - 50.0));
            if cff.is_some() {
                descriptor.font_file3(file_id);
            } else {
                descriptor.font_file2(file_id);
            }
            descriptor.finish();
            let is_cff = cff.is_some();
            let program = cff.unwrap_or(subset);
            let deflated = compress_to_vec_zlib(&program, 6);
            let mut stream = pdf.stream(file_id, &deflated);
            stream.filter(Filter::FlateDecode);
            if is_cff {
                stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
            } else {
                stream.pair(Name(b"Length1"), program.len() as i32);
            }
            stream.finish();

            let mut cmap = UnicodeCmap::new(Name(b"Adobe-Identity-UCS"), system_info);
            for (&new, (_, text)) in &usage.glyphs {
                if !text.is_empty() {
                    cmap.pair_with_multiple(new, text.chars());
                }
            }
            let cmap_data = compress_to_vec_zlib(cmap.finish().as_slice(), 6);
            pdf.stream(cmap_id, &cmap_data).filter(Filter::FlateDecode);
        }

        let title = format!("Kefir introduction: doctor summary {} to {}", ctx.s.from_date, ctx.s.to_date);
        let producer = format!("Kefir Start {}", ctx.s.app_version);
        let mut info = pdf.document_info(info_id);
        info.title(TextStr(&title)).creator(TextStr(&producer)).producer(TextStr(&producer));
        if let Some(date) = pdf_date(ctx.s.generated_at, &ctx.zone) {
            info.creation_date(date);
        }
        info.finish();
        Ok(pdf.finish())
    }
}

fn pdf_date(t: Timestamp, zone: &Zone) -> Option<Date> {
    let local = t.local(zone);
    let offset = local.offset().fix().local_minus_utc();
    let year = u16::try_from(local.year()).ok().filter(|y| *y <= 9999)?;
    Some(
        Date::new(year)
            .month(local.month() as u8)
            .day(local.day() as u8)
            .hour(local.hour() as u8)
            .minute(local.minute() as u8)
            .second(local.second() as u8)
            .utc_offset_hour((offset / 3600) as i8)
            .utc_offset_minute(((offset.abs() % 3600) / 60) as u8),
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

struct Col {
    title: &'static str,
    width: f32,
    align: Align,
    wrap: bool,
}

const fn col(title: &'static str, width: f32, align: Align, wrap: bool) -> Col {
    Col { title, width, align, wrap }
}

/// A table cell: text, optionally a coloured dot before it and a colour.
struct Cell {
    text: String,
    dot: Option<Rgb>,
    color: Option<Rgb>,
}

impl Cell {
    fn dotted(text: impl Into<String>, dot: Rgb) -> Cell {
        Cell { text: text.into(), dot: Some(dot), color: None }
    }
    fn muted(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), dot: None, color: Some(MUTED) }
    }
}

impl<T: Into<String>> From<T> for Cell {
    fn from(t: T) -> Cell {
        Cell { text: t.into(), dot: None, color: None }
    }
}

// ---------------------------------------------------------------------------
// Content

/// The summary with what every section needs precomputed.
struct Ctx<'a> {
    s: &'a Summary,
    zone: Zone,
    disclaimer: &'a str,
    /// Local dates of red flags (for the chart).
    red_flag_dates: Vec<String>,
}

impl<'a> Ctx<'a> {
    fn new(s: &'a Summary, zone: Zone) -> Ctx<'a> {
        let disclaimer = if s.disclaimer.trim().is_empty() { DISCLAIMER } else { s.disclaimer.as_str() };
        let red_flag_dates =
            s.red_flags.iter().map(|r| r.at.local_date(&zone).format("%Y-%m-%d").to_string()).collect();
        Ctx { s, zone, disclaimer, red_flag_dates }
    }

    /// A local time with its offset, e.g. `2026-03-20 20:30 +00:00`.
    fn time(&self, t: Timestamp) -> String {
        t.local(&self.zone).format("%Y-%m-%d %H:%M %:z").to_string()
    }

    fn patient(&self) -> String {
        let name = self.s.display_name.as_deref().map(str::trim).filter(|n| !n.is_empty());
        let band = self.s.age_band.as_deref().map(str::trim).filter(|b| !b.is_empty());
        match (name, band) {
            (Some(n), Some(b)) => format!("{n} · age band: {b}"),
            (Some(n), None) => n.to_string(),
            (None, Some(b)) => format!("Name not given · age band: {b}"),
            (None, None) => "Name and age band not given".to_string(),
        }
    }
}

fn level_upper(l: Level) -> String {
    l.as_str().to_ascii_uppercase()
}

fn decision_label(d: DecisionKind) -> String {
    d.as_str().replace('_', " ")
}

fn kind_label(k: KefirKind) -> &'static str {
    match k {
        KefirKind::MilkCow => "Milk kefir (cow)",
        KefirKind::MilkGoat => "Milk kefir (goat)",
        KefirKind::MilkSheep => "Milk kefir (sheep)",
        KefirKind::Water => "Water kefir",
        KefirKind::Plant => "Plant-based kefir",
    }
}

fn source_label(s: Source) -> &'static str {
    match s {
        Source::Homemade => "Homemade",
        Source::Commercial => "Commercial",
    }
}

const BRISTOL: [&str; 7] = [
    "Separate hard lumps",
    "Lumpy, sausage-shaped",
    "Sausage with cracks",
    "Smooth, soft sausage",
    "Soft blobs, clear edges",
    "Mushy, ragged edges",
    "Watery, no solid pieces",
];

fn pct(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        0
    } else {
        ((f64::from(part) * 100.0) / f64::from(whole)).round() as u32
    }
}

fn first_page(doc: &mut Doc, ctx: &Ctx<'_>) {
    let s = ctx.s;
    let w = doc.w;
    let right = w - MARGIN;
    let mut y = MARGIN;

    doc.text(MARGIN, y + TITLE.size, TITLE, "Kefir introduction – doctor summary");
    y += TITLE.size + 14.0;
    doc.text(MARGIN, y, BODY_BOLD, &doc.fit(BODY_BOLD, &ctx.patient(), doc.content_w()));
    y += 13.0;
    let period = format!(
        "Period: {} to {} ({} day{})",
        s.from_date,
        s.to_date,
        s.totals.days,
        if s.totals.days == 1 { "" } else { "s" }
    );
    doc.text(MARGIN, y, BODY, &period);
    y += 11.0;
    let meta = format!(
        "Times in {} · generated {} · Kefir Start app version {}",
        s.time_zone,
        ctx.time(s.generated_at),
        s.app_version
    );
    doc.text(MARGIN, y, SMALL, &doc.fit(SMALL, &meta, doc.content_w()));
    y += 10.0;

    // Headline numbers.
    let t = &s.totals;
    let max_date = s
        .days
        .iter()
        .find(|d| d.intake_ml == t.max_day_ml && t.max_day_ml > 0)
        .map(|d| format!("on {}", d.date))
        .unwrap_or_else(|| "no intake".to_string());
    let tiles: [(&str, String, String); 6] = [
        (
            "Total intake",
            format!("{} ml", t.total_ml),
            format!("{} drink{}", t.drinks, if t.drinks == 1 { "" } else { "s" }),
        ),
        (
            "Days with intake",
            format!("{} / {}", t.days_with_intake, t.days),
            format!("{}% of days", pct(t.days_with_intake, t.days)),
        ),
        ("Mean per day", format!("{} ml", t.mean_ml_on_intake_days), "intake days only".to_string()),
        ("Highest day", format!("{} ml", t.max_day_ml), max_date),
        (
            "Check-in adherence",
            format!("{}%", t.checkin_adherence_pct),
            format!("{} of {} days", t.checkin_days, t.days),
        ),
        ("Days on target", format!("{} / {}", t.days_on_target, t.days_with_target), "within 10% of plan".to_string()),
    ];
    let gap = 6.0;
    let tile_w = (doc.content_w() - gap * 5.0) / 6.0;
    let tile_h = 46.0;
    for (i, (label, value, sub)) in tiles.iter().enumerate() {
        let x = MARGIN + i as f32 * (tile_w + gap);
        doc.fill_rect(x, y, tile_w, tile_h, TILE);
        doc.text(x + 5.0, y + 12.0, TILE_LABEL, &doc.fit(TILE_LABEL, label, tile_w - 8.0));
        let value_style =
            if doc.width(TILE_VALUE, value) > tile_w - 8.0 { Style { size: 11.0, ..TILE_VALUE } } else { TILE_VALUE };
        doc.text(x + 5.0, y + 29.0, value_style, value);
        doc.text(x + 5.0, y + 40.0, TILE_LABEL, &doc.fit(TILE_LABEL, sub, tile_w - 8.0));
    }
    y += tile_h + 16.0;

    // The chart sits at the bottom; the sections share the space above it.
    let chart_bottom = doc.h - FOOTER_H - 6.0;
    // The sections are budgeted against the smallest chart; the chart then
    // grows into whatever space they leave.
    let chart_top = chart_bottom - CHART_MIN_H;
    let line_h = 11.0;
    let indent = MARGIN + 12.0;
    let text_w = right - indent;
    let wrap = |doc: &Doc, color: Rgb, text: &str| (color, doc.wrap(BODY, text, text_w));

    // Plan status.
    let plan_line = match &s.plan_status {
        Some(p) => {
            let ids = if p.rule_ids.is_empty() { String::new() } else { format!(" ({})", p.rule_ids.join(", ")) };
            let why = if p.reason.trim().is_empty() { String::new() } else { format!(": {}", p.reason.trim()) };
            format!("Plan {} since {}{}{}", p.status.to_uppercase(), p.since, why, ids)
        }
        None => "No introduction plan in this period.".to_string(),
    };
    let plan_color = match s.plan_status.as_ref().map(|p| p.status.as_str()) {
        Some("stopped") => RED_FLAG,
        Some("paused") => level_color(Level::Caution),
        Some(_) => GOOD,
        None => MUTED,
    };

    // Reported by the user: conditions and allergies, profile changes, clearance.
    let mut reported: Vec<(Rgb, Vec<String>)> = Vec::new();
    if !s.has_profile {
        reported.push(wrap(doc, MUTED, "No profile had been saved by the end of this period."));
    } else {
        let conditions: Vec<String> = s
            .conditions
            .iter()
            .map(|c| if c.is_allergy { format!("{} (allergy)", c.label) } else { c.label.clone() })
            .collect();
        let text = if conditions.is_empty() { "none".to_string() } else { conditions.join("; ") };
        reported.push(wrap(doc, INK, &format!("Conditions and allergies: {text}")));
    }
    for ch in &s.profile_changes {
        let when = if ch.before_range { format!("in force from {}", ch.date) } else { format!("changed {}", ch.date) };
        reported.push(wrap(doc, MUTED, &format!("Profile {when}: {}", ch.what)));
    }
    if let Some(c) = &s.clearance {
        let note = c.note.as_deref().map(|n| format!(" Note: \u{201c}{n}\u{201d}")).unwrap_or_default();
        reported.push(wrap(
            doc,
            level_color(Level::Consult),
            &format!(
                "Clinician clearance reported by the user on {} for {} (not verified by the app).{note}",
                c.date,
                c.rule_ids.join(", ")
            ),
        ));
    } else if s.constraints.clinician_clearance_needed {
        reported.push(wrap(doc, level_color(Level::Consult), "Clinician clearance needed; none recorded by the user."));
    }

    // Medicines with dates.
    let mut medicines: Vec<(Rgb, Vec<String>)> = s
        .courses
        .iter()
        .map(|c| {
            let name = match &c.name {
                Some(n) => format!("{n} ({})", c.label),
                None => c.label.clone(),
            };
            let every = c.interval_hours.map(|h| format!(", every {h} h")).unwrap_or_default();
            let spacing = match (&c.rule_id, c.drinks_in_window) {
                (Some(id), 0) => format!("; kefir spacing kept ({id})"),
                (Some(id), n) => format!("; kefir spacing missed by {n} drink{} ({id})", if n == 1 { "" } else { "s" }),
                (None, _) => String::new(),
            };
            let state = if c.active { "ongoing" } else { "completed" };
            let text = format!(
                "{name}: {} dose{} in the period{}, first {}, last {}{every}, {state}{spacing}",
                c.doses,
                if c.doses == 1 { "" } else { "s" },
                outside(c),
                c.first_local,
                c.last_local,
            );
            wrap(doc, if c.drinks_in_window > 0 { level_color(Level::Caution) } else { INK }, &text)
        })
        .collect();
    for m in s.medicines.iter().filter(|m| !s.courses.iter().any(|c| c.medicine.as_str() == m.code)) {
        medicines.push(wrap(doc, INK, &format!("{}: listed in the profile, no doses logged", m.label)));
    }

    // Red flags in context.
    let flags: Vec<(Rgb, Vec<String>)> =
        s.red_flags.iter().map(|r| wrap(doc, level_color(r.level), &flag_text(r))).collect();

    // Limits not kept.
    let breaches: Vec<(Rgb, Vec<String>)> = s
        .breaches
        .iter()
        .map(|b| wrap(doc, level_color(Level::Caution), &format!("{} {}: {}", b.date, b.rule_id, b.what)))
        .collect();

    // Screening findings.
    let mut findings: Vec<&crate::rules::Finding> = s.findings.iter().collect();
    crate::sort::sort_by_key(&mut findings, |f| std::cmp::Reverse(f.level)); // stable: most serious first
    let finding_items: Vec<(Rgb, Vec<String>)> = findings
        .iter()
        .map(|f| wrap(doc, level_color(f.level), &format!("{} {}: {}", f.rule_id, f.level, f.title)))
        .collect();

    let heading_h = 17.0;
    type Items = Vec<(Rgb, Vec<String>)>;
    let mut sections: Vec<(String, Items, &str)> = vec![
        ("Reported by the user".to_string(), reported, "Nothing reported."),
        (format!("Medicines ({})", medicines.len()), medicines, "None reported in this period."),
        (format!("Red flags ({})", s.red_flags.len()), flags, "None recorded in this period."),
        (format!("Limits not kept ({})", s.breaches.len()), breaches, "None: every drink kept the limits in force."),
        (String::new(), finding_items, "No screening findings."),
    ];
    // Share the lines: every section gets what it needs if it can, else a
    // fair share (water-filling); the rest goes to the appendix.
    let plan_lines = doc.wrap(BODY_BOLD, &plan_line, text_w);
    let avail = (((chart_top - 10.0 - y - plan_lines.len() as f32 * line_h - 4.0 - sections.len() as f32 * heading_h)
        / line_h)
        .floor() as i64)
        .max(sections.len() as i64) as usize;
    let needs: Vec<usize> = sections.iter().map(|x| x.1.iter().map(|i| i.1.len()).sum::<usize>().max(1)).collect();
    let mut budgets = vec![0usize; needs.len()];
    let mut left = avail;
    let mut open: Vec<usize> = (0..needs.len()).collect();
    while !open.is_empty() && left > 0 {
        let share = (left / open.len()).max(1);
        let mut next = Vec::new();
        for &i in &open {
            let give = share.min(needs[i] - budgets[i]).min(left);
            budgets[i] += give;
            left -= give;
            if budgets[i] < needs[i] {
                next.push(i);
            }
        }
        open = next;
    }

    // Plan status line.
    doc.fill_rect(MARGIN, y + 1.0, 6.0, 6.0 + (plan_lines.len() as f32 - 1.0) * line_h, plan_color);
    for line in &plan_lines {
        doc.text(indent, y + BODY.size, BODY_BOLD, line);
        y += line_h;
    }
    y += 4.0;

    for (k, (title, items, empty)) in sections.iter_mut().enumerate() {
        if title.is_empty() {
            // Screening, with its badge.
            let badge = level_upper(s.screening_level);
            doc.text(MARGIN, y + 11.0, H2, "Screening");
            let bx = MARGIN + doc.width(H2, "Screening") + 8.0;
            let bw = doc.width(BODY_BOLD, &badge) + 10.0;
            doc.fill_rect(bx, y + 1.0, bw, 13.0, level_color(s.screening_level));
            doc.text(bx + 5.0, y + 11.0, Style { color: WHITE, ..BODY_BOLD }, &badge);
            let note = if s.has_profile {
                format!(
                    "overall level from {} finding{}",
                    s.findings.len(),
                    if s.findings.len() == 1 { "" } else { "s" }
                )
            } else {
                "no profile saved by the end of the period".to_string()
            };
            doc.text(bx + bw + 8.0, y + 11.0, SMALL, &note);
        } else {
            doc.text(MARGIN, y + 11.0, H2, title);
        }
        y += heading_h;
        y = bullet_list(doc, y, items, budgets[k].max(1), line_h, indent, empty);
        y += 2.0;
    }

    let chart_top = (y + 14.0).max(chart_bottom - CHART_MAX_H).min(chart_top);
    chart(doc, ctx, chart_top, chart_bottom);
}

/// A red flag in context: local time, level and rules, each symptom with its
/// severity, where it was reported, the last drink before it, the user's
/// note, and what the app told them.
fn flag_text(r: &crate::report::RedFlagRow) -> String {
    let mut t =
        format!("{} {} ({}) in a {}: {}.", r.local_time, level_upper(r.level), r.rule_ids.join(", "), r.source, r.what);
    match &r.last_drink {
        Some(d) => t.push_str(&format!(
            " Last drink before: {}, {} ml {} ({}).",
            d.local_time,
            d.ml,
            kind_label(d.kind).to_lowercase(),
            source_label(d.source).to_lowercase()
        )),
        None => t.push_str(" No drink in the 48 h before."),
    }
    if let Some(n) = &r.note {
        t.push_str(&format!(" Note: \u{201c}{n}\u{201d}."));
    }
    if !r.advice.is_empty() {
        t.push_str(&format!(" The app said: {}", r.advice.join(" ")));
    }
    t
}

/// Draw items (coloured square + wrapped lines) within `budget` lines;
/// returns the y below the list.
fn bullet_list(
    doc: &mut Doc,
    mut y: f32,
    items: &[(Rgb, Vec<String>)],
    budget: usize,
    line_h: f32,
    indent: f32,
    empty: &str,
) -> f32 {
    if items.is_empty() {
        doc.text(indent, y + BODY.size, Style { color: MUTED, ..BODY }, empty);
        return y + line_h;
    }
    let mut used = 0;
    for (i, (color, lines)) in items.iter().enumerate() {
        let rest = items.len() - i;
        // Keep one line for the "more" note unless this is the last item.
        let room = if rest > 1 { budget.saturating_sub(used + 1) } else { budget.saturating_sub(used) };
        if lines.len() > room {
            let note = format!("… and {rest} more: see the full list in the appendix.");
            doc.text(indent, y + BODY.size, Style { color: MUTED, ..BODY }, &note);
            return y + line_h;
        }
        doc.fill_rect(MARGIN + 2.0, y + 2.0, 6.0, 6.0, *color);
        for line in lines {
            doc.text(indent, y + BODY.size, BODY, line);
            y += line_h;
        }
        used += lines.len();
    }
    y
}

/// Pick a "nice" y-axis step so that the axis has at most five steps.
fn nice_step(max: u32) -> u32 {
    const STEPS: [u32; 12] = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000];
    STEPS.iter().copied().find(|s| max.div_ceil(*s) <= 5).unwrap_or_else(|| max.div_ceil(5).max(1))
}

fn chart(doc: &mut Doc, ctx: &Ctx<'_>, top: f32, bottom: f32) {
    let s = ctx.s;
    let (left_edge, right) = (MARGIN, doc.w - MARGIN);
    doc.text(left_edge, top + 11.0, H3, "Daily kefir intake (ml) against the plan target, with symptoms");

    // Legend.
    let ly = top + 25.0;
    let mut lx = left_edge;
    let legend = style(Face::Regular, 7.5, INK);
    doc.fill_rect(lx, ly - 6.5, 8.0, 7.0, BAR);
    lx += 11.0;
    doc.text(lx, ly, legend, "Intake");
    lx += doc.width(legend, "Intake") + 10.0;
    doc.line(lx, ly - 3.0, lx + 12.0, ly - 3.0, 1.4, TARGET);
    lx += 15.0;
    doc.text(lx, ly, legend, "Plan target");
    lx += doc.width(legend, "Plan target") + 12.0;
    doc.text(lx, ly, SMALL, "Worst symptom:");
    lx += doc.width(SMALL, "Worst symptom:") + 5.0;
    for sev in [Severity::None, Severity::Mild, Severity::Moderate, Severity::Severe] {
        doc.dot(lx + 3.0, ly - 3.0, severity_radius(sev), severity_color(sev));
        lx += 9.0;
        let label = if sev == Severity::None { "none" } else { sev.as_str() };
        doc.text(lx, ly, legend, label);
        lx += doc.width(legend, label) + 8.0;
    }
    doc.triangle(lx + 3.5, ly - 3.0, 3.5, RED_FLAG);
    lx += 10.0;
    doc.text(lx, ly, legend, "Red flag");
    doc.text_right(right, ly, SMALL, "no dot: no check-in");

    // Plot area.
    let plot_left = left_edge + 30.0;
    let plot_right = right - 2.0;
    let plot_top = top + 44.0;
    let plot_bottom = bottom - 34.0;
    let plot_w = plot_right - plot_left;
    let plot_h = plot_bottom - plot_top;
    let n = s.days.len();
    if n == 0 {
        doc.text_center(
            (plot_left + plot_right) / 2.0,
            (plot_top + plot_bottom) / 2.0,
            BODY,
            "No days in this period.",
        );
        return;
    }

    let data_max = s.days.iter().map(|d| d.intake_ml.max(d.target_ml.unwrap_or(0))).max().unwrap_or(0).max(50);
    let step = nice_step(data_max);
    let y_max = data_max.div_ceil(step) * step;
    let y_of = |ml: u32| plot_bottom - (ml as f32 / y_max as f32) * plot_h;

    // Grid and y labels.
    let mut v = 0;
    while v <= y_max {
        let gy = y_of(v);
        doc.line(plot_left, gy, plot_right, gy, 0.4, if v == 0 { RULE } else { GRID });
        doc.text_right(plot_left - 4.0, gy + 2.5, SMALL, &v.to_string());
        v += step;
    }
    doc.text_right(plot_left - 4.0, plot_top - 6.0, SMALL, "ml");

    // Bars, all in one path.
    let slot = plot_w / n as f32;
    let bar_w = (slot * 0.72).max(0.4);
    let h = doc.h;
    {
        let page = doc.page();
        page.set_fill_rgb(BAR.0, BAR.1, BAR.2);
        for (i, d) in s.days.iter().enumerate().filter(|(_, d)| d.intake_ml > 0) {
            let x = plot_left + i as f32 * slot + (slot - bar_w) / 2.0;
            let top_y = y_of(d.intake_ml.min(y_max));
            page.rect(r2(x), r2(h - plot_bottom), r2(bar_w), r2(plot_bottom - top_y));
        }
        page.fill_nonzero();
    }

    // Target as a step line, broken on days without a plan target.
    {
        let page = doc.page();
        page.set_stroke_rgb(TARGET.0, TARGET.1, TARGET.2);
        page.set_line_width(1.3);
        let mut pen = false;
        let mut any = false;
        for (i, d) in s.days.iter().enumerate() {
            match d.target_ml {
                Some(t) => {
                    let x0 = r2(plot_left + i as f32 * slot);
                    let x1 = r2(plot_left + (i + 1) as f32 * slot);
                    let ty = r2(h - y_of(t.min(y_max)));
                    if pen {
                        page.line_to(x0, ty);
                    } else {
                        page.move_to(x0, ty);
                    }
                    page.line_to(x1, ty);
                    pen = true;
                    any = true;
                }
                None => pen = false,
            }
        }
        if any {
            page.stroke();
        }
    }

    // Symptom strip below the axis: one mark per check-in day, a dot (bigger
    // when worse) while days are wide enough, else a colour band cell.
    let strip_y = plot_bottom + 9.0;
    let dense = slot < 3.0;
    for sev in [Severity::None, Severity::Mild, Severity::Moderate, Severity::Severe] {
        let color = severity_color(sev);
        let r = severity_radius(sev).min(slot * 0.48);
        let mut any = false;
        for (i, _) in s.days.iter().enumerate().filter(|(_, d)| d.worst_severity == Some(sev)) {
            if !any {
                doc.page().set_fill_rgb(color.0, color.1, color.2);
                any = true;
            }
            if dense {
                let (x, h) = (plot_left + i as f32 * slot, doc.h);
                doc.page().rect(r2(x), r2(h - strip_y - 3.0), r2(slot + 0.05), 6.0);
            } else {
                doc.circle_path(plot_left + (i as f32 + 0.5) * slot, strip_y, r);
            }
        }
        if any {
            doc.page().fill_nonzero();
        }
    }

    // Red-flag days above the plot.
    for date in &ctx.red_flag_dates {
        if let Some(i) = s.days.iter().position(|d| &d.date == date) {
            doc.triangle(plot_left + (i as f32 + 0.5) * slot, plot_top - 5.0, 3.5, RED_FLAG);
        }
    }

    // X labels.
    let dates: Vec<Option<NaiveDate>> =
        s.days.iter().map(|d| NaiveDate::parse_from_str(&d.date, "%Y-%m-%d").ok()).collect();
    let label_y = plot_bottom + 25.0;
    let max_labels = ((plot_w / 42.0).floor() as usize).max(2);
    let every = [1usize, 2, 7, 14].into_iter().find(|k| n.div_ceil(*k) <= max_labels);
    let mut marks: Vec<(usize, String)> = Vec::new();
    match every {
        Some(k) => {
            for (i, d) in dates.iter().enumerate().step_by(k) {
                if let Some(d) = d {
                    marks.push((i, d.format("%d %b").to_string()));
                }
            }
        }
        None => {
            // Month starts, thinned to fit.
            let starts: Vec<(usize, NaiveDate)> = dates
                .iter()
                .enumerate()
                .filter_map(|(i, d)| d.filter(|d| d.day() == 1 || i == 0).map(|d| (i, d)))
                .collect();
            let thin = starts.len().div_ceil(max_labels).max(1);
            for (i, d) in starts.into_iter().step_by(thin) {
                marks.push((i, d.format("%b %Y").to_string()));
            }
        }
    }
    let mut free_from = f32::MIN; // labels must not overlap
    for (i, label) in marks {
        let x = plot_left + (i as f32 + 0.5) * slot;
        let lw = doc.width(SMALL, &label);
        let lx = (x - lw / 2.0).clamp(plot_left - 10.0, plot_right - lw);
        if lx < free_from {
            continue;
        }
        doc.line(x, plot_bottom, x, plot_bottom + 3.0, 0.4, MUTED);
        doc.text(lx, label_y, SMALL, &label);
        free_from = lx + lw + 6.0;
    }
}

fn appendix(doc: &mut Doc, ctx: &Ctx<'_>) {
    let s = ctx.s;
    doc.new_page();
    let left = Align::Left;
    let rt = Align::Right;

    // Full findings.
    let rows: Vec<Vec<Cell>> = s
        .findings
        .iter()
        .map(|f| {
            vec![
                Cell::from(f.rule_id.as_str()),
                Cell::dotted(f.level.as_str(), level_color(f.level)),
                Cell::from(format!("{}. {}", f.title.trim_end_matches('.'), f.advice)),
                Cell::muted(f.source.as_str()),
            ]
        })
        .collect();
    doc.table(
        &format!("Screening findings (overall: {})", s.screening_level),
        &[
            col("Rule", 34.0, left, false),
            col("Level", 66.0, left, false),
            col("Finding and advice", 265.0, left, true),
            col("Source", 0.0, left, true),
        ],
        &rows,
        "No screening findings.",
    );

    let rows: Vec<Vec<Cell>> = s
        .red_flags
        .iter()
        .map(|r| {
            vec![
                Cell::from(ctx.time(r.at)),
                Cell::dotted(r.level.as_str(), level_color(r.level)),
                Cell::from(r.rule_ids.join(", ")),
                Cell::from(flag_text(r)),
            ]
        })
        .collect();
    doc.table(
        "Red flags in context",
        &[
            col("Time", 100.0, left, true),
            col("Level", 64.0, left, false),
            col("Rules", 44.0, left, true),
            col("What was reported, the last drink, the note and what the app said", 0.0, left, true),
        ],
        &rows,
        "None recorded in this period.",
    );

    let rows: Vec<Vec<Cell>> = s
        .days
        .iter()
        .map(|d| {
            let checkin = match (d.worst_severity, &d.worst_symptom) {
                (None, _) => Cell::muted("no check-in"),
                (Some(Severity::None), _) | (Some(_), None) => {
                    Cell::dotted("no symptoms", severity_color(Severity::None))
                }
                (Some(sev), Some(name)) => Cell::dotted(format!("{sev}: {name}"), severity_color(sev)),
            };
            let decision = d.decision.map(|x| {
                let ids = if d.rule_ids.is_empty() { String::new() } else { format!(" ({})", d.rule_ids.join(", ")) };
                Cell::from(format!("{}{ids}", decision_label(x)))
            });
            vec![
                Cell::from(d.date.as_str()),
                Cell::from(d.intake_ml.to_string()),
                d.target_ml.map(|t| Cell::from(t.to_string())).unwrap_or_else(|| Cell::muted("–")),
                decision.unwrap_or_else(|| Cell::muted("no plan")),
                checkin,
                d.bristol.map(|b| Cell::from(format!("type {b}"))).unwrap_or_else(|| Cell::muted("–")),
            ]
        })
        .collect();
    doc.table(
        "Daily log",
        &[
            col("Date", 62.0, left, false),
            col("Intake (ml)", 56.0, rt, false),
            col("Target (ml)", 58.0, rt, false),
            col("Plan event", 96.0, left, true),
            col("Worst symptom of the day", 190.0, left, true),
            col("Bristol", 0.0, left, false),
        ],
        &rows,
        "No days in this period.",
    );

    let rows: Vec<Vec<Cell>> = s
        .symptoms
        .iter()
        .map(|r| {
            vec![
                Cell::from(r.label.as_str()),
                r.snomed.as_deref().map(Cell::from).unwrap_or_else(|| Cell::muted("–")),
                Cell::from(r.days_present.to_string()),
                Cell::dotted(r.worst.as_str(), severity_color(r.worst)),
            ]
        })
        .collect();
    doc.table(
        "Symptoms reported",
        &[
            col("Symptom", 190.0, left, true),
            col("SNOMED CT", 90.0, left, false),
            col("Days present", 80.0, rt, false),
            col("Worst", 0.0, left, false),
        ],
        &rows,
        "No symptoms reported in this period.",
    );

    bristol(doc, s);

    let rows: Vec<Vec<Cell>> = s
        .plan_events
        .iter()
        .map(|e| {
            vec![
                Cell::from(e.date.as_str()),
                Cell::from(decision_label(e.decision)),
                Cell::from(e.target_ml.to_string()),
                Cell::from(e.reason.as_str()),
                Cell::from(e.rule_ids.join(", ")),
            ]
        })
        .collect();
    doc.table(
        "Plan events",
        &[
            col("Date", 66.0, left, false),
            col("Event", 62.0, left, true),
            col("Target (ml)", 56.0, rt, false),
            col("Reason", 270.0, left, true),
            col("Rules", 0.0, left, true),
        ],
        &rows,
        "No plan events in this period.",
    );

    let rows: Vec<Vec<Cell>> = s
        .courses
        .iter()
        .map(|c| {
            vec![
                Cell::from(match &c.name {
                    Some(n) => format!("{n} ({})", c.label),
                    None => c.label.clone(),
                }),
                Cell::from(c.first_local.as_str()),
                Cell::from(c.last_local.as_str()),
                Cell::from(c.interval_hours.map(|h| format!("{h} h")).unwrap_or_else(|| "–".into())),
                Cell::from(c.doses.to_string()),
                Cell::from(if c.active { "ongoing" } else { "completed" }),
                Cell::from(match (&c.rule_id, c.drinks_in_window) {
                    (Some(id), 0) => format!("kept ({id})"),
                    (Some(id), n) => format!("missed: {n} drink(s) ({id})"),
                    (None, _) => "no rule".into(),
                }),
            ]
        })
        .collect();
    doc.table(
        "Medicine courses (from logged doses)",
        &[
            col("Medicine", 120.0, left, true),
            col("First dose", 76.0, left, true),
            col("Last dose", 76.0, left, true),
            col("Interval", 44.0, left, false),
            col("Doses", 34.0, rt, false),
            col("Status", 56.0, left, false),
            col("Kefir spacing", 0.0, left, true),
        ],
        &rows,
        "No doses logged in this period.",
    );

    let rows: Vec<Vec<Cell>> = s
        .breaches
        .iter()
        .map(|b| vec![Cell::from(b.date.as_str()), Cell::from(b.rule_id.as_str()), Cell::from(b.what.as_str())])
        .collect();
    doc.table(
        "Limits not kept (recomputed from the log and the profile in force)",
        &[col("Date", 66.0, left, false), col("Rule", 40.0, left, false), col("What", 0.0, left, true)],
        &rows,
        "None in this period.",
    );

    let rows: Vec<Vec<Cell>> = s
        .notes
        .iter()
        .map(|n| vec![Cell::from(n.date.as_str()), Cell::from(n.source.as_str()), Cell::from(n.text.as_str())])
        .collect();
    doc.table(
        "Notes written by the user",
        &[col("Date", 66.0, left, false), col("With", 60.0, left, false), col("Note", 0.0, left, true)],
        &rows,
        "No notes in this period.",
    );

    let rows: Vec<Vec<Cell>> = s
        .profile_changes
        .iter()
        .map(|c| {
            vec![
                Cell::from(c.date.as_str()),
                Cell::from(if c.before_range { "in force at the start" } else { "changed in the period" }),
                Cell::from(c.what.as_str()),
            ]
        })
        .collect();
    doc.table(
        "Profile versions in force during the period",
        &[col("Saved", 66.0, left, false), col("", 110.0, left, false), col("What", 0.0, left, true)],
        &rows,
        "No profile saved by the end of the period.",
    );

    // Kinds and sources: the same table of ml, drinks and share.
    let total = s.totals.total_ml;
    let kinds: Vec<(&str, u32, u32)> = s.kinds.iter().map(|k| (kind_label(k.kind), k.ml, k.drinks)).collect();
    let sources: Vec<(&str, u32, u32)> = s.sources.iter().map(|k| (source_label(k.source), k.ml, k.drinks)).collect();
    for (title, header, items) in [("Kefir drunk by kind", "Kind", kinds), ("Kefir drunk by source", "Source", sources)]
    {
        let rows: Vec<Vec<Cell>> = items
            .iter()
            .map(|(label, ml, drinks)| {
                vec![
                    Cell::from(*label),
                    Cell::from(ml.to_string()),
                    Cell::from(drinks.to_string()),
                    Cell::from(format!("{}%", pct(*ml, total))),
                ]
            })
            .collect();
        doc.table(
            title,
            &[
                col(header, 200.0, left, false),
                col("ml", 80.0, rt, false),
                col("Drinks", 80.0, rt, false),
                col("Share of ml", 0.0, rt, false),
            ],
            &rows,
            "Nothing drunk in this period.",
        );
    }

    let rows: Vec<Vec<Cell>> = s
        .conditions
        .iter()
        .map(|c| {
            vec![
                Cell::from(c.label.as_str()),
                Cell::from(if c.is_allergy { "allergy" } else { "condition" }),
                c.snomed.as_deref().map(Cell::from).unwrap_or_else(|| Cell::muted("–")),
                Cell::muted(c.code.as_str()),
            ]
        })
        .collect();
    doc.table(
        "Conditions and allergies (reported by the user)",
        &[
            col("Item", 230.0, left, true),
            col("Type", 70.0, left, false),
            col("SNOMED CT", 90.0, left, false),
            col("App code", 0.0, left, true),
        ],
        &rows,
        "None reported.",
    );
    let rows: Vec<Vec<Cell>> = s
        .medicines
        .iter()
        .map(|c| {
            vec![
                Cell::from(c.label.as_str()),
                c.snomed.as_deref().map(Cell::from).unwrap_or_else(|| Cell::muted("–")),
                Cell::muted(c.code.as_str()),
            ]
        })
        .collect();
    doc.table(
        "Medicines in the profile at the end of the period (by class, reported by the user)",
        &[
            col("Medicine class", 300.0, left, true),
            col("SNOMED CT", 90.0, left, false),
            col("App code", 0.0, left, true),
        ],
        &rows,
        "None reported.",
    );

    let c = &s.constraints;
    let list = |v: Vec<&str>| if v.is_empty() { "none".to_string() } else { v.join(", ") };
    let mut rows: Vec<Vec<Cell>> = vec![
        vec![Cell::from("Most per day"), Cell::from(format!("{} ml", c.max_ml_per_day))],
        vec![Cell::from("Kinds allowed"), Cell::from(list(c.allowed_kinds.iter().map(|k| kind_label(*k)).collect()))],
        vec![
            Cell::from("Sources allowed"),
            Cell::from(list(c.allowed_sources.iter().map(|k| source_label(*k)).collect())),
        ],
        vec![
            Cell::from("Clinician clearance"),
            Cell::from(match (c.clinician_clearance_needed, &s.clearance) {
                (true, Some(a)) => format!(
                    "needed; the user reported on {} that a clinician cleared {}{} (not verified)",
                    a.date,
                    a.rule_ids.join(", "),
                    a.note.as_deref().map(|n| format!(": \u{201c}{n}\u{201d}")).unwrap_or_default()
                ),
                (true, None) => "needed before continuing; not reported by the user".to_string(),
                (false, Some(a)) => format!("not needed (the user reported a clearance on {})", a.date),
                (false, None) => "not needed".to_string(),
            }),
        ],
    ];
    if c.spacing.is_empty() {
        rows.push(vec![Cell::from("Spacing from medicines"), Cell::muted("none")]);
    }
    for (i, rule) in c.spacing.iter().enumerate() {
        rows.push(vec![Cell::from(if i == 0 { "Spacing from medicines" } else { "" }), Cell::from(rule.as_str())]);
    }
    doc.table("Limits in force", &[col("Limit", 130.0, left, false), col("Value", 0.0, left, true)], &rows, "");

    doc.heading("How to read this summary", 30.0);
    let notes = [
        ctx.disclaimer,
        "Data are entered by the user in the app; nothing here was measured or verified by a clinician.",
        "Mean per intake day counts only days with intake. Days on target: days with a plan target where intake was within 10% of it. Check-in adherence: days with a check-in out of all days in the period.",
        "Symptom severity is rated by the user on a 4-level scale (none, mild, moderate, severe); the worst rating of the day is shown. Stool form uses the Bristol Stool Form Scale, types 1-7 (Lewis & Heaton, Scand J Gastroenterol 1997;32:920).",
        "Rule ids (D, S, P, M, H) refer to the app's safety rules table, which names the evidence for each rule; the 200 ml daily maximum is a product default, not a published limit.",
    ];
    for note in notes {
        doc.paragraph(style(Face::Regular, 8.5, INK), note);
        doc.y += 2.0;
    }
}

fn bristol(doc: &mut Doc, s: &Summary) {
    let counts: Vec<u32> = (0..7).map(|i| s.bristol_counts.get(i).copied().unwrap_or(0)).collect();
    let total: u32 = counts.iter().sum();
    let row_h = 13.0;
    doc.heading(&format!("Bristol stool form: check-ins per type ({total} recorded)"), 7.0 * row_h);
    if total == 0 {
        doc.paragraph(style(Face::Regular, 8.5, MUTED), "No stool form recorded in this period.");
        return;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let bar_x = MARGIN + 190.0;
    let bar_max = doc.content_w() - 190.0 - 70.0;
    for (i, (&n, label)) in counts.iter().zip(BRISTOL).enumerate() {
        doc.ensure(row_h);
        let base = doc.y + 9.5;
        doc.text(MARGIN + 3.0, base, TABLE_HEAD, &format!("Type {}", i + 1));
        doc.text(MARGIN + 40.0, base, TABLE, label);
        let color = if !(2..=4).contains(&i) { hex(0xb07d62) } else { hex(0x8a9a5b) };
        if n > 0 {
            doc.fill_rect(bar_x, doc.y + 2.5, bar_max * n as f32 / max as f32, row_h - 5.0, color);
        }
        doc.text(bar_x + bar_max * n as f32 / max as f32 + 5.0, base, TABLE, &format!("{n} ({}%)", pct(n, total)));
        doc.y += row_h;
    }
}

fn footers(doc: &mut Doc, ctx: &Ctx<'_>) {
    let n = doc.pages.len();
    let w = doc.w;
    let h = doc.h;
    let disclaimer_lines = doc.wrap(FOOT, ctx.disclaimer, w - 2.0 * MARGIN);
    let header = format!(
        "Kefir introduction – doctor summary · {} · {} to {}",
        ctx.s.display_name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or("name not given"),
        ctx.s.from_date,
        ctx.s.to_date
    );
    let mut version =
        format!("Kefir Start app version {} · generated {}", ctx.s.app_version, ctx.time(ctx.s.generated_at));
    if !doc.missing.is_empty() {
        // Characters no font could draw: shown as '?', kept in the text layer.
        let list: Vec<String> = doc.missing.iter().take(8).map(|c| format!("U+{:04X}", *c as u32)).collect();
        let more = if doc.missing.len() > 8 { " …" } else { "" };
        version.push_str(&format!(" · no font for {}{more} (shown as ?)", list.join(" ")));
    }
    for i in 0..n {
        doc.cur = i;
        if i > 0 {
            doc.text(MARGIN, 30.0, SMALL, &doc.fit(SMALL, &header, w - 2.0 * MARGIN - 60.0));
            doc.line(MARGIN, 36.0, w - MARGIN, 36.0, 0.5, RULE);
        }
        let mut y = h - FOOTER_H + 10.0;
        doc.line(MARGIN, y - 8.0, w - MARGIN, y - 8.0, 0.5, RULE);
        for line in disclaimer_lines.iter().take(3) {
            doc.text(MARGIN, y, FOOT, line);
            y += 8.5;
        }
        doc.text(MARGIN, h - 14.0, FOOT, &version);
        doc.text_right(w - MARGIN, h - 14.0, style(Face::Bold, 7.0, MUTED), &format!("Page {} of {}", i + 1, n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample::sample_summary;
    use crate::rules::Finding;
    use crate::vocab::Labelled;

    /// Every `/MediaBox [..]` in the file, as numbers.
    fn media_boxes(pdf: &[u8]) -> Vec<Vec<f32>> {
        let text = String::from_utf8_lossy(pdf);
        text.match_indices("/MediaBox")
            .map(|(i, _)| {
                let rest = &text[i + "/MediaBox".len()..];
                let open = rest.find('[').unwrap();
                let close = rest.find(']').unwrap();
                rest[open + 1..close].split_whitespace().map(|v| v.parse::<f32>().unwrap()).collect()
            })
            .collect()
    }

    fn page_count(pdf: &[u8]) -> usize {
        media_boxes(pdf).len()
    }

    #[test]
    fn is_a_pdf_with_the_right_paper_sizes() {
        let s = sample_summary(30);
        for (paper, w, h) in [(Paper::A4, 595.28, 841.89), (Paper::Letter, 612.0, 792.0)] {
            let pdf = render(&s, paper).unwrap();
            assert!(pdf.starts_with(b"%PDF-1."), "{paper:?}");
            assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"), "{paper:?}");
            let boxes = media_boxes(&pdf);
            assert!(boxes.len() >= 2, "a summary page and an appendix");
            for b in boxes {
                assert_eq!(b, vec![0.0, 0.0, w, h], "{paper:?}");
            }
        }
    }

    #[test]
    fn pages_grow_with_the_range() {
        let counts: Vec<usize> =
            [7, 90, 365].iter().map(|&d| page_count(&render(&sample_summary(d), Paper::A4).unwrap())).collect();
        assert!(counts[0] < counts[1] && counts[1] < counts[2], "{counts:?}");
        // A year's daily log alone needs several pages.
        assert!(counts[2] >= 8, "{counts:?}");
    }

    #[test]
    fn deterministic() {
        let s = sample_summary(45);
        assert_eq!(render(&s, Paper::Letter).unwrap(), render(&s, Paper::Letter).unwrap());
    }

    #[test]
    fn unknown_zone_is_invalid() {
        let mut s = sample_summary(3);
        s.time_zone = "Mars/Olympus".into();
        assert!(matches!(render(&s, Paper::A4), Err(CoreError::Invalid { .. })));
    }

    #[test]
    fn edge_cases_render() {
        // No days, no findings, nothing drunk, no name.
        let mut s = sample_summary(1);
        s.days.clear();
        s.findings.clear();
        s.plan_events.clear();
        s.kinds.clear();
        s.sources.clear();
        s.symptoms.clear();
        s.symptom_reports.clear();
        s.bristol_counts = vec![];
        s.display_name = None;
        s.age_band = None;
        s.disclaimer = String::new();
        assert!(render(&s, Paper::A4).unwrap().starts_with(b"%PDF"));

        // Overlong unbroken words and characters outside the font.
        let mut s = sample_summary(10);
        s.display_name = Some("名前 Łukasz Øster Ζωή Олена".into());
        s.findings[0].advice = "x".repeat(3000);
        s.plan_events[0].reason = "https://example.org/".repeat(40);
        assert!(render(&s, Paper::Letter).unwrap().starts_with(b"%PDF"));
    }

    #[test]
    fn font_covers_report_characters() {
        let fonts = load_fonts(&[]).unwrap();
        let mut text = String::from("–—·…•’“”%≥≤→✓€ÄÖÜßéèçñŁłŚśŻżČčŘřŠšŽžȘșȚțΑαΩωЖжЩщЇїҐґ");
        for s in crate::checkin::Symptom::ALL {
            text.push_str(&s.label(&crate::l10n::Locale::english()));
        }
        for f in &fonts.faces {
            for c in text.chars() {
                assert!(f.has(c), "{c:?} missing from {}", f.ps_name);
            }
        }
    }

    #[test]
    fn wrap_respects_width() {
        let fonts = load_fonts(&[]).unwrap();
        let doc = Doc::new(&fonts, Paper::A4);
        let text = "Kefir is a fermented milk drink; start low and step up slowly while symptoms allow.";
        for w in [40.0, 80.0, 200.0] {
            for line in doc.wrap(BODY, text, w) {
                assert!(doc.width(BODY, &line) <= w + 0.01 || !line.contains(' '), "{line:?} > {w}");
            }
        }
        assert_eq!(doc.wrap(BODY, "a\nb", 500.0), vec!["a", "b"]);
        let long = doc.wrap(BODY, &"y".repeat(200), 50.0);
        assert!(long.len() > 3 && long.iter().all(|l| doc.width(BODY, l) <= 50.0));
    }

    fn pdftotext(pdf: &[u8]) -> Option<String> {
        let ci = std::env::var("CI").map(|v| v == "true").unwrap_or(false);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.pdf");
        std::fs::write(&path, pdf).unwrap();
        match std::process::Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(&path).arg("-").output() {
            Ok(o) if o.status.success() => Some(String::from_utf8(o.stdout).unwrap()),
            Ok(o) => panic!("pdftotext failed on our PDF: {}", String::from_utf8_lossy(&o.stderr)),
            Err(e) => {
                assert!(!ci, "pdftotext is required with CI=true (apt-get install -y poppler-utils): {e}");
                eprintln!("\n==================== SKIPPED ====================");
                eprintln!("PDF text extraction test did not run: pdftotext not found ({e}).");
                eprintln!("Install: apt-get install -y poppler-utils");
                eprintln!("=================================================\n");
                None
            }
        }
    }

    /// Collapse all whitespace so wrapped lines compare as one string.
    fn squash(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn text_is_extractable_with_pdftotext() {
        let s = sample_summary(90);
        let pdf = render(&s, Paper::A4).unwrap();
        let Some(text) = pdftotext(&pdf) else { return };
        let flat = squash(&text);
        assert!(flat.contains(&format!("{} to {}", s.from_date, s.to_date)), "date range");
        let mut rule_ids: Vec<&str> = s.findings.iter().map(|f| f.rule_id.as_str()).collect();
        rule_ids.extend(s.red_flags.iter().flat_map(|r| r.rule_ids.iter().map(String::as_str)));
        rule_ids.extend(s.plan_events.iter().flat_map(|e| e.rule_ids.iter().map(String::as_str)));
        for id in rule_ids {
            assert!(flat.contains(id), "rule id {id}");
        }
        for f in &s.findings {
            assert!(flat.contains(&format!("{} {}: ", f.rule_id, f.level)), "finding line {}", f.rule_id);
        }
        let t = &s.totals;
        for needle in [
            format!("{} ml", t.total_ml),
            format!("{} / {}", t.days_with_intake, t.days),
            format!("{} ml", t.mean_ml_on_intake_days),
            format!("{} ml", t.max_day_ml),
            format!("{}%", t.checkin_adherence_pct),
            format!("{} / {}", t.days_on_target, t.days_with_target),
        ] {
            assert!(flat.contains(&needle), "total {needle:?}");
        }
        assert!(flat.contains(&squash(DISCLAIMER)), "disclaimer");
        assert!(flat.contains(&format!("Kefir Start app version {}", s.app_version)));
        assert!(flat.contains("Alex Example"));
        // Red flag with its local time and offset.
        let rf = &s.red_flags[0];
        assert!(flat.contains(&rf.at.local(&Zone::parse(&s.time_zone).unwrap()).format("%Y-%m-%d %H:%M").to_string()));
        // Every day of the log, on its appendix page.
        for d in &s.days {
            assert!(flat.contains(&d.date), "day {}", d.date);
        }
        let pages = page_count(&pdf);
        assert!(flat.contains(&format!("Page {pages} of {pages}")));
        // Non-ASCII text survives the ToUnicode map.
        let mut s2 = sample_summary(5);
        s2.display_name = Some("Zoë Łukasz-Ørsted".into());
        if let Some(text) = pdftotext(&render(&s2, Paper::Letter).unwrap()) {
            assert!(text.contains("Zoë Łukasz-Ørsted"), "{text}");
        }
    }

    #[test]
    fn many_findings_overflow_to_the_appendix() {
        let mut s = sample_summary(30);
        s.findings = (1..=40)
            .map(|i| Finding {
                rule_id: format!("X{i}"),
                level: if i % 7 == 0 { Level::Consult } else { Level::Caution },
                title: format!("Synthetic finding number {i} with a reasonably long title to wrap"),
                advice: "Advice text.".into(),
                source: "test".into(),
            })
            .collect();
        let pdf = render(&s, Paper::Letter).unwrap();
        let Some(text) = pdftotext(&pdf) else { return };
        let flat = squash(&text);
        assert!(flat.contains("more: see the full list in the appendix"));
        for i in 1..=40 {
            assert!(flat.contains(&format!("X{i} ")), "X{i}");
        }
    }
}
