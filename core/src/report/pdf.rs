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
use crate::l10n::{Arg, Locale};
use crate::plan::DecisionKind;
use crate::report::Summary;
use crate::rules::Level;
use crate::time::{Timestamp, Zone};
use crate::vocab::{Labelled, Severity};

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

/// Render the summary as a PDF document, every heading, label and
/// explanation in `loc` (the report's language; see `report.ftl`).
///
/// Fails with [`CoreError::Invalid`] if the summary's time zone is not a
/// valid IANA name, and with [`CoreError::Internal`] if the embedded font
/// cannot be read (a build defect).
pub fn render(summary: &Summary, paper: Paper, loc: &Locale) -> Result<Vec<u8>> {
    render_with_fonts(summary, paper, &[], loc)
}

/// [`render`] with fallback fonts (TrueType/OpenType/collection file bytes,
/// e.g. the phone's system fonts or Debian's Noto fonts) for characters the
/// bundled DejaVu subset lacks (Vietnamese, Hebrew, Arabic, CJK, ...). They
/// are tried in order, per character; only the glyphs used are embedded.
/// Characters no font has are drawn as `?` (their code point kept in the
/// text layer and listed in the footer). A fallback that is not a font:
/// InvalidInput `fonts`.
pub fn render_with_fonts(summary: &Summary, paper: Paper, fallback: &[Vec<u8>], loc: &Locale) -> Result<Vec<u8>> {
    let zone = Zone::parse(&summary.time_zone)?;
    let fonts = load_fonts(fallback)?;
    let mut doc = Doc::new(&fonts, paper);
    doc.continued = loc.tr("r-continued", &[("title", "{}".into())]);
    doc.more = loc.tr("r-more", &[("n", "{}".into())]);
    let summary = &isolate_user_text(summary);
    let ctx = Ctx::new(summary, zone, loc);
    first_page(&mut doc, &ctx);
    appendix(&mut doc, &ctx);
    footers(&mut doc, &ctx);
    doc.finish(&ctx)
}

/// " (2 before it, 3 after it)" for the doses of a course outside the period.
fn outside(c: &crate::report::MedCourse, loc: &Locale) -> String {
    match (c.doses_before, c.doses_after) {
        (0, 0) => String::new(),
        (b, a) => loc.tr("r-outside", &[("before", b.into()), ("after", a.into())]),
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
    /// "{ $title } (continued)" and "… and { $n } more" in the report's
    /// language, `{}` standing for the title or the number.
    continued: String,
    more: String,
}

/// Round to 1/100 pt so coordinates stay short in the content stream.
fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

impl<'f> Doc<'f> {
    fn new(fonts: &'f Fonts<'f>, paper: Paper) -> Doc<'f> {
        let (w, h) = paper.size();
        let used = fonts.faces.iter().map(|_| Usage::new()).collect();
        let (missing, continued, more) = (Default::default(), String::new(), String::new());
        Doc { fonts, w, h, pages: vec![Content::new()], cur: 0, used, y: 0.0, missing, continued, more }
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

    /// `s` in `st`, set smaller (down to 5 pt) when it is wider than
    /// `max_w`, and cut with an ellipsis only if even that is too wide.
    fn shrink_to_fit(&self, st: Style, s: &str, max_w: f32) -> (Style, String) {
        let w = self.width(st, s);
        if w <= max_w {
            return (st, s.to_string());
        }
        let small = Style { size: (st.size * max_w / w).max(5.0), ..st };
        (small, self.fit(small, s, max_w))
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
        // A heading longer than the line (German, Russian) wraps.
        let lines = self.wrap(H2, title, self.content_w());
        let extra = (lines.len() - 1) as f32 * H2.size * 1.25;
        self.ensure(22.0 + extra + keep);
        for (i, line) in lines.iter().enumerate() {
            self.text(MARGIN, self.y + 12.0 + i as f32 * H2.size * 1.25, H2, line);
        }
        self.y += 17.0 + extra;
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
        let head_h = self.header_layout(cols, &widths, pad).1;
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
                let head = self.continued.replace("{}", title);
                self.text(MARGIN, self.y + 9.0, H3, &head);
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

    /// Each column title wrapped to its width (at most three lines; a
    /// longer one ends in an ellipsis) and the header row's height.
    fn header_layout(&self, cols: &[Col], widths: &[f32], pad: f32) -> (Vec<Vec<String>>, f32) {
        let labels: Vec<Vec<String>> = cols
            .iter()
            .zip(widths)
            .map(|(col, w)| {
                let mut l = self.wrap(TABLE_HEAD, &col.title, w - 2.0 * pad);
                if l.len() > 3 {
                    l.truncate(3);
                    let last = l.pop().unwrap_or_default();
                    l.push(self.fit(TABLE_HEAD, &format!("{last}…"), w - 2.0 * pad));
                }
                l
            })
            .collect();
        let n = labels.iter().map(Vec::len).max().unwrap_or(1).max(1);
        (labels, TABLE_HEAD.size + 2.0 * pad + 2.0 + (n - 1) as f32 * TABLE_HEAD.size * 1.2)
    }

    fn table_header(&mut self, cols: &[Col], widths: &[f32], pad: f32) {
        let (labels, h) = self.header_layout(cols, widths, pad);
        self.fill_rect(MARGIN, self.y, widths.iter().sum(), h, HEADER_BG);
        let mut x = MARGIN;
        for ((col, w), lines) in cols.iter().zip(widths).zip(&labels) {
            for (k, label) in lines.iter().enumerate() {
                let baseline = self.y + pad + TABLE_HEAD.size + 1.0 + k as f32 * TABLE_HEAD.size * 1.2;
                match col.align {
                    Align::Left => self.text(x + pad, baseline, TABLE_HEAD, label),
                    Align::Right => self.text_right(x + w - pad, baseline, TABLE_HEAD, label),
                }
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
            // Short columns keep one line; text that does not fit wraps
            // (German and Russian words run longer) rather than lose words.
            let mut l = if col.wrap || self.width(TABLE, &cell.text) > avail {
                self.wrap(TABLE, &cell.text, avail)
            } else {
                vec![cell.text.clone()]
            };
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

        pdf.catalog(catalog_id).pages(tree_id).lang(TextStr(ctx.loc.lang().code()));
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

        let title = ctx
            .loc
            .tr("r-doc-title", &[("from", ctx.s.from_date.as_str().into()), ("to", ctx.s.to_date.as_str().into())]);
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
    title: String,
    width: f32,
    align: Align,
    wrap: bool,
}

/// A column whose header is the message `id` of `loc` (empty id: no header).
fn col(loc: &Locale, id: &str, width: f32, align: Align, wrap: bool) -> Col {
    let title = if id.is_empty() { String::new() } else { loc.t(id) };
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
    loc: &'a Locale,
    disclaimer: String,
    /// Local dates of red flags (for the chart).
    red_flag_dates: Vec<String>,
}

impl<'a> Ctx<'a> {
    fn new(s: &'a Summary, zone: Zone, loc: &'a Locale) -> Ctx<'a> {
        let disclaimer = if s.disclaimer.trim().is_empty() { loc.t("disclaimer") } else { s.disclaimer.clone() };
        let red_flag_dates =
            s.red_flags.iter().map(|r| r.at.local_date(&zone).format("%Y-%m-%d").to_string()).collect();
        Ctx { s, zone, loc, disclaimer, red_flag_dates }
    }

    /// A local time with its offset, e.g. `2026-03-20 20:30 +00:00`.
    fn time(&self, t: Timestamp) -> String {
        t.local(&self.zone).format("%Y-%m-%d %H:%M %:z").to_string()
    }

    fn t(&self, id: &str) -> String {
        self.loc.t(id)
    }

    fn tr(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.loc.tr(id, args)
    }

    /// An ISO date in this language's short numeric form (ISO in English).
    fn date(&self, iso: &str) -> String {
        short_date(self.loc, iso)
    }

    fn patient(&self) -> String {
        let name = self.s.display_name.as_deref().map(str::trim).filter(|n| !n.is_empty());
        let band = self.s.age_band.as_deref().map(str::trim).filter(|b| !b.is_empty());
        match (name, band) {
            (Some(n), Some(b)) => self.tr("r-patient", &[("name", n.into()), ("band", b.into())]),
            (Some(n), None) => n.to_string(),
            (None, Some(b)) => self.tr("r-patient-noname", &[("band", b.into())]),
            (None, None) => self.t("r-patient-none"),
        }
    }
}

/// An ISO date (`2026-03-01`) in the language's short numeric form
/// (`r-date`: ISO in English, `01.03.2026` in German and Russian); other
/// text unchanged.
pub(crate) fn short_date(loc: &Locale, iso: &str) -> String {
    let mut it = iso.splitn(3, '-');
    match (it.next(), it.next(), it.next()) {
        (Some(y), Some(m), Some(d)) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            loc.tr("r-date", &[("y", y.into()), ("m", m.into()), ("d", d.into())])
        }
        _ => iso.to_string(),
    }
}

/// A level as the report writes it (short, e.g. `consult`).
fn level_word(loc: &Locale, l: Level) -> String {
    loc.t(&format!("r-level-{}", l.as_str()))
}

fn level_upper(loc: &Locale, l: Level) -> String {
    level_word(loc, l).to_uppercase()
}

/// A severity in running text, lower case (`mild`).
fn sev_word(loc: &Locale, s: Severity) -> String {
    s.label(loc).to_lowercase()
}

fn decision_label(loc: &Locale, d: DecisionKind) -> String {
    loc.t(&format!("r-ev-{}", d.as_str()))
}

fn kind_label(loc: &Locale, k: KefirKind) -> String {
    k.label(loc)
}

fn source_label(loc: &Locale, s: Source) -> String {
    s.label(loc)
}

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

    doc.text(MARGIN, y + TITLE.size, TITLE, &ctx.t("r-title"));
    y += TITLE.size + 14.0;
    doc.text(MARGIN, y, BODY_BOLD, &doc.fit(BODY_BOLD, &ctx.patient(), doc.content_w()));
    y += 13.0;
    let period = ctx.tr(
        "r-period",
        &[
            ("from", ctx.loc.date(&s.from_date).into()),
            ("to", ctx.loc.date(&s.to_date).into()),
            ("days", s.totals.days.into()),
        ],
    );
    doc.text(MARGIN, y, BODY, &period);
    y += 11.0;
    let meta = ctx.tr(
        "r-meta",
        &[
            ("zone", s.time_zone.as_str().into()),
            ("at", ctx.time(s.generated_at).into()),
            ("version", s.app_version.as_str().into()),
        ],
    );
    doc.text(MARGIN, y, SMALL, &doc.fit(SMALL, &meta, doc.content_w()));
    y += 10.0;

    // Headline numbers.
    let t = &s.totals;
    let max_date = s
        .days
        .iter()
        .find(|d| d.intake_ml == t.max_day_ml && t.max_day_ml > 0)
        .map(|d| ctx.tr("r-tile-on", &[("date", ctx.date(&d.date).into())]))
        .unwrap_or_else(|| ctx.t("r-tile-no-intake"));
    let tiles: [(String, String, String); 6] = [
        (
            ctx.t("r-tile-total"),
            ctx.tr("r-ml", &[("ml", t.total_ml.into())]),
            ctx.tr("r-tile-drinks", &[("n", t.drinks.into())]),
        ),
        (
            ctx.t("r-tile-days"),
            format!("{} / {}", t.days_with_intake, t.days),
            ctx.tr("r-tile-pct-days", &[("pct", pct(t.days_with_intake, t.days).into())]),
        ),
        (ctx.t("r-tile-mean"), ctx.tr("r-ml", &[("ml", t.mean_ml_on_intake_days.into())]), ctx.t("r-tile-mean-sub")),
        (ctx.t("r-tile-max"), ctx.tr("r-ml", &[("ml", t.max_day_ml.into())]), max_date),
        (
            ctx.t("r-tile-adherence"),
            format!("{}%", t.checkin_adherence_pct),
            ctx.tr("r-tile-of-days", &[("n", t.checkin_days.into()), ("days", t.days.into())]),
        ),
        (
            ctx.t("r-tile-on-target"),
            format!("{} / {}", t.days_on_target, t.days_with_target),
            ctx.t("r-tile-on-target-sub"),
        ),
    ];
    let gap = 6.0;
    let tile_w = (doc.content_w() - gap * 5.0) / 6.0;
    let tile_h = 46.0;
    for (i, (label, value, sub)) in tiles.iter().enumerate() {
        let x = MARGIN + i as f32 * (tile_w + gap);
        doc.fill_rect(x, y, tile_w, tile_h, TILE);
        let (st, label) = doc.shrink_to_fit(TILE_LABEL, label, tile_w - 8.0);
        doc.text(x + 5.0, y + 12.0, st, &label);
        let value_style =
            if doc.width(TILE_VALUE, value) > tile_w - 8.0 { Style { size: 11.0, ..TILE_VALUE } } else { TILE_VALUE };
        doc.text(x + 5.0, y + 29.0, value_style, value);
        let (st, sub) = doc.shrink_to_fit(TILE_LABEL, sub, tile_w - 8.0);
        doc.text(x + 5.0, y + 40.0, st, &sub);
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
            let status = ctx.t(&format!("r-status-{}", p.status)).to_uppercase();
            ctx.tr("r-plan-line", &[("status", status.into()), ("since", ctx.date(&p.since).into())]) + &why + &ids
        }
        None => ctx.t("r-no-plan"),
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
        reported.push(wrap(doc, MUTED, &ctx.t("r-no-profile")));
    } else {
        let conditions: Vec<String> = s
            .conditions
            .iter()
            .map(|c| {
                if c.is_allergy {
                    ctx.tr("r-allergy-item", &[("item", c.label.as_str().into())])
                } else {
                    c.label.clone()
                }
            })
            .collect();
        let text = if conditions.is_empty() { ctx.t("r-none") } else { conditions.join("; ") };
        reported.push(wrap(doc, INK, &ctx.tr("r-conditions-line", &[("list", text.into())])));
    }
    for ch in &s.profile_changes {
        let id = if ch.before_range { "r-profile-from" } else { "r-profile-changed" };
        let line = ctx.tr(id, &[("date", ctx.date(&ch.date).into()), ("what", ch.what.as_str().into())]);
        reported.push(wrap(doc, MUTED, &line));
    }
    if let Some(c) = &s.clearance {
        let note =
            c.note.as_deref().map(|n| format!(" {}", ctx.tr("r-note", &[("note", n.into())]))).unwrap_or_default();
        let line =
            ctx.tr("r-clearance-line", &[("date", ctx.date(&c.date).into()), ("rules", c.rule_ids.join(", ").into())]);
        reported.push(wrap(doc, level_color(Level::Consult), &(line + &note)));
    } else if s.constraints.clinician_clearance_needed {
        reported.push(wrap(doc, level_color(Level::Consult), &ctx.t("r-clearance-needed")));
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
            let every = c.interval_hours.map(|h| ctx.tr("r-med-every", &[("h", h.into())])).unwrap_or_default();
            let spacing = match (&c.rule_id, c.drinks_in_window) {
                (Some(id), 0) => ctx.tr("r-med-kept", &[("rule", id.as_str().into())]),
                (Some(id), n) => ctx.tr("r-med-missed", &[("n", n.into()), ("rule", id.as_str().into())]),
                (None, _) => String::new(),
            };
            let state = ctx.t(if c.active { "r-ongoing" } else { "r-completed" });
            let text = ctx.tr(
                "r-med-line",
                &[
                    ("name", name.into()),
                    ("n", c.doses.into()),
                    ("outside", outside(c, ctx.loc).into()),
                    ("first", c.first_local.as_str().into()),
                    ("last", c.last_local.as_str().into()),
                    ("every", every.into()),
                    ("state", state.into()),
                    ("spacing", spacing.into()),
                ],
            );
            wrap(doc, if c.drinks_in_window > 0 { level_color(Level::Caution) } else { INK }, &text)
        })
        .collect();
    for m in s.medicines.iter().filter(|m| !s.courses.iter().any(|c| c.medicine.as_str() == m.code)) {
        medicines.push(wrap(doc, INK, &ctx.tr("r-med-no-doses", &[("name", m.label.as_str().into())])));
    }

    // Red flags in context.
    let flags: Vec<(Rgb, Vec<String>)> =
        s.red_flags.iter().map(|r| wrap(doc, level_color(r.level), &flag_text(r, ctx.loc))).collect();

    // Limits not kept.
    let breaches: Vec<(Rgb, Vec<String>)> = s
        .breaches
        .iter()
        .map(|b| wrap(doc, level_color(Level::Caution), &format!("{} {}: {}", ctx.date(&b.date), b.rule_id, b.what)))
        .collect();

    // Screening findings.
    let mut findings: Vec<&crate::rules::Finding> = s.findings.iter().collect();
    crate::sort::sort_by_key(&mut findings, |f| std::cmp::Reverse(f.level)); // stable: most serious first
    let finding_items: Vec<(Rgb, Vec<String>)> = findings
        .iter()
        .map(|f| {
            let line = format!("{} {}: {}", f.rule_id, level_word(ctx.loc, f.level), rule_title(ctx.loc, &f.rule_id));
            wrap(doc, level_color(f.level), &line)
        })
        .collect();

    let heading_h = 17.0;
    type Items = Vec<(Rgb, Vec<String>)>;
    let count = |id: &str, n: usize| ctx.tr(id, &[("n", (n as i64).into())]);
    let mut sections: Vec<(String, Items, String)> = vec![
        (ctx.t("r-h-reported"), reported, ctx.t("r-nothing-reported")),
        (count("r-h-medicines", medicines.len()), medicines, ctx.t("r-none-reported-period")),
        (count("r-h-red-flags", s.red_flags.len()), flags, ctx.t("r-none-recorded-period")),
        (count("r-h-breaches", s.breaches.len()), breaches, ctx.t("r-no-breaches")),
        (String::new(), finding_items, ctx.t("r-no-findings")),
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
            let badge = level_upper(ctx.loc, s.screening_level);
            let screening = ctx.t("r-h-screening");
            doc.text(MARGIN, y + 11.0, H2, &screening);
            let bx = MARGIN + doc.width(H2, &screening) + 8.0;
            let bw = doc.width(BODY_BOLD, &badge) + 10.0;
            doc.fill_rect(bx, y + 1.0, bw, 13.0, level_color(s.screening_level));
            doc.text(bx + 5.0, y + 11.0, Style { color: WHITE, ..BODY_BOLD }, &badge);
            let note = if s.has_profile {
                ctx.tr("r-screening-note", &[("n", (s.findings.len() as i64).into())])
            } else {
                ctx.t("r-screening-no-profile")
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
fn flag_text(r: &crate::report::RedFlagRow, loc: &Locale) -> String {
    let mut t = loc.tr(
        "r-flag",
        &[
            ("time", r.local_time.as_str().into()),
            ("level", level_upper(loc, r.level).into()),
            ("rules", r.rule_ids.join(", ").into()),
            ("source", source_word(loc, &r.source).into()),
            ("what", r.what.as_str().into()),
        ],
    );
    t.push(' ');
    match &r.last_drink {
        Some(d) => t.push_str(&loc.tr(
            "r-flag-drink",
            &[
                ("time", d.local_time.as_str().into()),
                ("ml", d.ml.into()),
                ("kind", kind_label(loc, d.kind).into()),
                ("source", source_label(loc, d.source).to_lowercase().into()),
            ],
        )),
        None => t.push_str(&loc.t("r-flag-no-drink")),
    }
    if let Some(n) = &r.note {
        t.push(' ');
        t.push_str(&loc.tr("r-note", &[("note", n.as_str().into())]));
        t.push('.');
    }
    if !r.advice.is_empty() {
        t.push(' ');
        t.push_str(&loc.tr("r-flag-said", &[("advice", r.advice.join(" ").into())]));
    }
    t
}

/// Where a red flag or note was written (`check-in`, `reaction report`,
/// `drink`, ...: codes of the summary) in `loc`.
pub(crate) fn source_word(loc: &Locale, code: &str) -> String {
    loc.t(&format!("r-src-{}", code.replace(' ', "-")))
}

/// A rule's title in `loc` (message `rule-<ID>-title`, rules.ftl).
pub(crate) fn rule_title(loc: &Locale, id: &str) -> String {
    loc.t(&format!("rule-{id}-title"))
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
            let note = doc.more.replace("{}", &rest.to_string());
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
    doc.text(left_edge, top + 11.0, H3, &ctx.t("r-chart-title"));

    // Legend.
    let ly = top + 25.0;
    let mut lx = left_edge;
    let legend = style(Face::Regular, 7.5, INK);
    doc.fill_rect(lx, ly - 6.5, 8.0, 7.0, BAR);
    lx += 11.0;
    let intake = ctx.t("r-chart-intake");
    doc.text(lx, ly, legend, &intake);
    lx += doc.width(legend, &intake) + 10.0;
    doc.line(lx, ly - 3.0, lx + 12.0, ly - 3.0, 1.4, TARGET);
    lx += 15.0;
    let target = ctx.t("r-chart-target");
    doc.text(lx, ly, legend, &target);
    lx += doc.width(legend, &target) + 12.0;
    let worst = ctx.t("r-chart-worst");
    doc.text(lx, ly, SMALL, &worst);
    lx += doc.width(SMALL, &worst) + 5.0;
    for sev in [Severity::None, Severity::Mild, Severity::Moderate, Severity::Severe] {
        doc.dot(lx + 3.0, ly - 3.0, severity_radius(sev), severity_color(sev));
        lx += 9.0;
        let label = sev_word(ctx.loc, sev);
        doc.text(lx, ly, legend, &label);
        lx += doc.width(legend, &label) + 8.0;
    }
    doc.triangle(lx + 3.5, ly - 3.0, 3.5, RED_FLAG);
    lx += 10.0;
    let red_flag = ctx.t("r-chart-red-flag");
    doc.text(lx, ly, legend, &red_flag);
    lx += doc.width(legend, &red_flag);
    // The "no dot" note on the legend's line when it fits, else below it
    // (longer German and Russian labels), never on top of the legend.
    let no_dot = ctx.t("r-chart-no-dot");
    let no_dot_y = if lx + 12.0 + doc.width(SMALL, &no_dot) <= right { ly } else { ly + 10.0 };
    doc.text_right(right, no_dot_y, SMALL, &no_dot);

    // Plot area.
    let plot_left = left_edge + 30.0;
    let plot_right = right - 2.0;
    let plot_top = top + 44.0;
    let plot_bottom = bottom - 34.0;
    let plot_w = plot_right - plot_left;
    let plot_h = plot_bottom - plot_top;
    let n = s.days.len();
    if n == 0 {
        doc.text_center((plot_left + plot_right) / 2.0, (plot_top + plot_bottom) / 2.0, BODY, &ctx.t("r-no-days"));
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
    doc.text_right(plot_left - 4.0, plot_top - 6.0, SMALL, &ctx.t("r-ml-unit"));

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
                    marks.push((i, day_month(ctx.loc, *d)));
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
                marks.push((i, month_year(ctx.loc, d)));
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
                Cell::dotted(level_word(ctx.loc, f.level), level_color(f.level)),
                Cell::from(format!("{}. {}", rule_title(ctx.loc, &f.rule_id).trim_end_matches('.'), f.advice)),
                Cell::muted(f.source.as_str()),
            ]
        })
        .collect();
    let l = ctx.loc;
    doc.table(
        &ctx.tr("r-h-findings", &[("level", level_word(l, s.screening_level).into())]),
        &[
            col(l, "r-c-rule", 34.0, left, false),
            col(l, "r-c-level", 66.0, left, false),
            col(l, "r-c-finding", 265.0, left, true),
            col(l, "r-c-source", 0.0, left, true),
        ],
        &rows,
        &ctx.t("r-no-findings"),
    );

    let rows: Vec<Vec<Cell>> = s
        .red_flags
        .iter()
        .map(|r| {
            vec![
                Cell::from(ctx.time(r.at)),
                Cell::dotted(level_word(l, r.level), level_color(r.level)),
                Cell::from(r.rule_ids.join(", ")),
                Cell::from(flag_text(r, l)),
            ]
        })
        .collect();
    doc.table(
        &ctx.t("r-h-flags-context"),
        &[
            col(l, "r-c-time", 100.0, left, true),
            col(l, "r-c-level", 64.0, left, false),
            col(l, "r-c-rules", 44.0, left, true),
            col(l, "r-c-flag", 0.0, left, true),
        ],
        &rows,
        &ctx.t("r-none-recorded-period"),
    );

    let rows: Vec<Vec<Cell>> = s
        .days
        .iter()
        .map(|d| {
            let checkin = match (d.worst_severity, &d.worst_symptom) {
                (None, _) => Cell::muted(ctx.t("r-no-checkin")),
                (Some(Severity::None), _) | (Some(_), None) => {
                    Cell::dotted(ctx.t("r-no-symptoms"), severity_color(Severity::None))
                }
                (Some(sev), Some(name)) => Cell::dotted(format!("{}: {name}", sev_word(l, sev)), severity_color(sev)),
            };
            let decision = d.decision.map(|x| {
                let ids = if d.rule_ids.is_empty() { String::new() } else { format!(" ({})", d.rule_ids.join(", ")) };
                Cell::from(format!("{}{ids}", decision_label(l, x)))
            });
            vec![
                Cell::from(ctx.date(&d.date)),
                Cell::from(d.intake_ml.to_string()),
                d.target_ml.map(|t| Cell::from(t.to_string())).unwrap_or_else(|| Cell::muted("–")),
                decision.unwrap_or_else(|| Cell::muted(ctx.t("r-no-plan-cell"))),
                checkin,
                d.bristol
                    .map(|b| Cell::from(ctx.tr("r-bristol-cell", &[("type", b.to_string().into())])))
                    .unwrap_or_else(|| Cell::muted("–")),
            ]
        })
        .collect();
    doc.table(
        &ctx.t("r-h-daily"),
        &[
            col(l, "r-c-date", 62.0, left, false),
            col(l, "r-c-intake", 56.0, rt, false),
            col(l, "r-c-target", 58.0, rt, false),
            col(l, "r-c-event", 96.0, left, true),
            col(l, "r-c-worst", 190.0, left, true),
            col(l, "r-c-bristol", 0.0, left, false),
        ],
        &rows,
        &ctx.t("r-no-days"),
    );

    let rows: Vec<Vec<Cell>> = s
        .symptoms
        .iter()
        .map(|r| {
            vec![
                Cell::from(r.label.as_str()),
                r.snomed.as_deref().map(Cell::from).unwrap_or_else(|| Cell::muted("–")),
                Cell::from(r.days_present.to_string()),
                Cell::dotted(sev_word(l, r.worst), severity_color(r.worst)),
            ]
        })
        .collect();
    doc.table(
        &ctx.t("r-h-symptoms"),
        &[
            col(l, "r-c-symptom", 190.0, left, true),
            col(l, "r-c-snomed", 90.0, left, false),
            col(l, "r-c-days-present", 80.0, rt, false),
            col(l, "r-c-worst-sev", 0.0, left, false),
        ],
        &rows,
        &ctx.t("r-no-symptoms-period"),
    );

    bristol(doc, ctx);

    let rows: Vec<Vec<Cell>> = s
        .plan_events
        .iter()
        .map(|e| {
            vec![
                Cell::from(ctx.date(&e.date)),
                Cell::from(decision_label(l, e.decision)),
                Cell::from(e.target_ml.to_string()),
                Cell::from(e.reason.as_str()),
                Cell::from(e.rule_ids.join(", ")),
            ]
        })
        .collect();
    doc.table(
        &ctx.t("r-h-events"),
        &[
            col(l, "r-c-date", 66.0, left, false),
            col(l, "r-c-event-short", 62.0, left, true),
            col(l, "r-c-target", 56.0, rt, false),
            col(l, "r-c-reason", 270.0, left, true),
            col(l, "r-c-rules", 0.0, left, true),
        ],
        &rows,
        &ctx.t("r-no-events"),
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
                Cell::from(ctx.t(if c.active { "r-ongoing" } else { "r-completed" })),
                Cell::from(match (&c.rule_id, c.drinks_in_window) {
                    (Some(id), 0) => ctx.tr("r-kept-cell", &[("rule", id.as_str().into())]),
                    (Some(id), n) => ctx.tr("r-missed-cell", &[("n", n.into()), ("rule", id.as_str().into())]),
                    (None, _) => ctx.t("r-no-rule"),
                }),
            ]
        })
        .collect();
    doc.table(
        &ctx.t("r-h-courses"),
        &[
            col(l, "r-c-medicine", 120.0, left, true),
            col(l, "r-c-first-dose", 76.0, left, true),
            col(l, "r-c-last-dose", 76.0, left, true),
            col(l, "r-c-interval", 44.0, left, false),
            col(l, "r-c-doses", 34.0, rt, false),
            col(l, "r-c-status", 56.0, left, false),
            col(l, "r-c-spacing", 0.0, left, true),
        ],
        &rows,
        &ctx.t("r-no-doses"),
    );

    let rows: Vec<Vec<Cell>> = s
        .breaches
        .iter()
        .map(|b| vec![Cell::from(ctx.date(&b.date)), Cell::from(b.rule_id.as_str()), Cell::from(b.what.as_str())])
        .collect();
    doc.table(
        &ctx.t("r-h-breaches-full"),
        &[
            col(l, "r-c-date", 66.0, left, false),
            col(l, "r-c-rule", 40.0, left, false),
            col(l, "r-c-what", 0.0, left, true),
        ],
        &rows,
        &ctx.t("r-none-period"),
    );

    let rows: Vec<Vec<Cell>> = s
        .notes
        .iter()
        .map(|n| {
            vec![Cell::from(ctx.date(&n.date)), Cell::from(source_word(l, &n.source)), Cell::from(n.text.as_str())]
        })
        .collect();
    doc.table(
        &ctx.t("r-h-notes"),
        &[
            col(l, "r-c-date", 66.0, left, false),
            col(l, "r-c-with", 60.0, left, false),
            col(l, "r-c-note", 0.0, left, true),
        ],
        &rows,
        &ctx.t("r-no-notes"),
    );

    let rows: Vec<Vec<Cell>> = s
        .profile_changes
        .iter()
        .map(|c| {
            vec![
                Cell::from(ctx.date(&c.date)),
                Cell::from(ctx.t(if c.before_range { "r-in-force-start" } else { "r-changed-period" })),
                Cell::from(c.what.as_str()),
            ]
        })
        .collect();
    doc.table(
        &ctx.t("r-h-profiles"),
        &[col(l, "r-c-saved", 66.0, left, false), col(l, "", 110.0, left, false), col(l, "r-c-what", 0.0, left, true)],
        &rows,
        &ctx.t("r-no-profile-short"),
    );

    // Kinds and sources: the same table of ml, drinks and share.
    let total = s.totals.total_ml;
    let kinds: Vec<(String, u32, u32)> = s.kinds.iter().map(|k| (kind_label(l, k.kind), k.ml, k.drinks)).collect();
    let sources: Vec<(String, u32, u32)> =
        s.sources.iter().map(|k| (source_label(l, k.source), k.ml, k.drinks)).collect();
    for (title, header, items) in [("r-h-by-kind", "r-c-kind", kinds), ("r-h-by-source", "r-c-source", sources)] {
        let rows: Vec<Vec<Cell>> = items
            .iter()
            .map(|(label, ml, drinks)| {
                vec![
                    Cell::from(label.as_str()),
                    Cell::from(ml.to_string()),
                    Cell::from(drinks.to_string()),
                    Cell::from(format!("{}%", pct(*ml, total))),
                ]
            })
            .collect();
        doc.table(
            &ctx.t(title),
            &[
                col(l, header, 200.0, left, false),
                col(l, "r-c-ml", 80.0, rt, false),
                col(l, "r-c-drinks", 80.0, rt, false),
                col(l, "r-c-share", 0.0, rt, false),
            ],
            &rows,
            &ctx.t("r-nothing-drunk"),
        );
    }

    let rows: Vec<Vec<Cell>> = s
        .conditions
        .iter()
        .map(|c| {
            vec![
                Cell::from(c.label.as_str()),
                Cell::from(ctx.t(if c.is_allergy { "r-allergy" } else { "r-condition" })),
                c.snomed.as_deref().map(Cell::from).unwrap_or_else(|| Cell::muted("–")),
                Cell::muted(c.code.as_str()),
            ]
        })
        .collect();
    doc.table(
        &ctx.t("r-h-conditions"),
        &[
            col(l, "r-c-item", 230.0, left, true),
            col(l, "r-c-type", 70.0, left, false),
            col(l, "r-c-snomed", 90.0, left, false),
            col(l, "r-c-code", 0.0, left, true),
        ],
        &rows,
        &ctx.t("r-none-reported"),
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
        &ctx.t("r-h-medicines-profile"),
        &[
            col(l, "r-c-med-class", 300.0, left, true),
            col(l, "r-c-snomed", 90.0, left, false),
            col(l, "r-c-code", 0.0, left, true),
        ],
        &rows,
        &ctx.t("r-none-reported"),
    );

    let c = &s.constraints;
    let list = |v: Vec<String>| if v.is_empty() { ctx.t("r-none") } else { v.join(", ") };
    let mut rows: Vec<Vec<Cell>> = vec![
        vec![Cell::from(ctx.t("r-lim-max")), Cell::from(ctx.tr("r-ml", &[("ml", c.max_ml_per_day.into())]))],
        vec![
            Cell::from(ctx.t("r-lim-kinds")),
            Cell::from(list(c.allowed_kinds.iter().map(|k| kind_label(l, *k)).collect())),
        ],
        vec![
            Cell::from(ctx.t("r-lim-sources")),
            Cell::from(list(c.allowed_sources.iter().map(|k| source_label(l, *k)).collect())),
        ],
        vec![
            Cell::from(ctx.t("r-lim-clearance")),
            Cell::from(match (c.clinician_clearance_needed, &s.clearance) {
                (true, Some(a)) => ctx.tr(
                    "r-lim-cleared",
                    &[
                        ("date", ctx.date(&a.date).into()),
                        ("rules", a.rule_ids.join(", ").into()),
                        (
                            "note",
                            a.note.as_deref().map(|n| format!(": \u{201c}{n}\u{201d}")).unwrap_or_default().into(),
                        ),
                    ],
                ),
                (true, None) => ctx.t("r-lim-needed"),
                (false, Some(a)) => ctx.tr("r-lim-not-needed-cleared", &[("date", ctx.date(&a.date).into())]),
                (false, None) => ctx.t("r-lim-not-needed"),
            }),
        ],
    ];
    let spacing_label = ctx.t("r-lim-spacing");
    if c.spacing.is_empty() {
        rows.push(vec![Cell::from(spacing_label.as_str()), Cell::muted(ctx.t("r-none"))]);
    }
    for (i, rule) in c.spacing.iter().enumerate() {
        rows.push(vec![Cell::from(if i == 0 { spacing_label.as_str() } else { "" }), Cell::from(rule.as_str())]);
    }
    doc.table(
        &ctx.t("r-h-limits"),
        &[col(l, "r-c-limit", 130.0, left, false), col(l, "r-c-value", 0.0, left, true)],
        &rows,
        "",
    );

    doc.heading(&ctx.t("r-h-how"), 30.0);
    let notes = [ctx.disclaimer.clone(), ctx.t("r-how-1"), ctx.t("r-how-2"), ctx.t("r-how-3"), ctx.t("r-how-4")];
    for note in notes {
        doc.paragraph(style(Face::Regular, 8.5, INK), &note);
        doc.y += 2.0;
    }
}

/// "05 Mar" style axis label in `loc` (`r-day-month`).
fn day_month(loc: &Locale, d: NaiveDate) -> String {
    loc.tr("r-day-month", &[("day", d.format("%d").to_string().into()), ("month", i64::from(d.month()).into())])
}

/// "Mar 2026" style axis label in `loc` (`r-month-year`).
fn month_year(loc: &Locale, d: NaiveDate) -> String {
    loc.tr("r-month-year", &[("year", d.year().to_string().into()), ("month", i64::from(d.month()).into())])
}

fn bristol(doc: &mut Doc, ctx: &Ctx<'_>) {
    let s = ctx.s;
    let counts: Vec<u32> = (0..7).map(|i| s.bristol_counts.get(i).copied().unwrap_or(0)).collect();
    let total: u32 = counts.iter().sum();
    let row_h = 13.0;
    doc.heading(&ctx.tr("r-h-bristol", &[("n", total.into())]), 7.0 * row_h);
    if total == 0 {
        doc.paragraph(style(Face::Regular, 8.5, MUTED), &ctx.t("r-no-bristol"));
        return;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let bar_x = MARGIN + 190.0;
    let bar_max = doc.content_w() - 190.0 - 70.0;
    for (i, &n) in counts.iter().enumerate() {
        let label = ctx.t(&format!("r-bristol-{}", i + 1));
        doc.ensure(row_h);
        let base = doc.y + 9.5;
        doc.text(MARGIN + 3.0, base, TABLE_HEAD, &crate::vocab::bristol_label(ctx.loc, i as u8 + 1));
        doc.text(MARGIN + 40.0, base, TABLE, &doc.fit(TABLE, &label, 148.0));
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
    let disclaimer_lines = doc.wrap(FOOT, &ctx.disclaimer, w - 2.0 * MARGIN);
    let no_name = ctx.t("r-no-name");
    let header = ctx.tr(
        "r-header",
        &[
            ("name", ctx.s.display_name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or(&no_name).into()),
            ("from", ctx.date(&ctx.s.from_date).into()),
            ("to", ctx.date(&ctx.s.to_date).into()),
        ],
    );
    let mut version = ctx.tr(
        "r-version",
        &[("version", ctx.s.app_version.as_str().into()), ("at", ctx.time(ctx.s.generated_at).into())],
    );
    if !doc.missing.is_empty() {
        // Characters no font could draw: shown as '?', kept in the text layer.
        let list: Vec<String> = doc.missing.iter().take(8).map(|c| format!("U+{:04X}", *c as u32)).collect();
        let more = if doc.missing.len() > 8 { " …" } else { "" };
        version.push_str(" · ");
        version.push_str(&ctx.tr("r-no-font", &[("chars", format!("{}{more}", list.join(" ")).into())]));
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
        doc.text_right(
            w - MARGIN,
            h - 14.0,
            style(Face::Bold, 7.0, MUTED),
            &ctx.tr("r-page", &[("n", (i as i64 + 1).into()), ("of", (n as i64).into())]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample::sample_summary;
    use crate::rules::Finding;

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
        let s = sample_summary(30, &Locale::english());
        for (paper, w, h) in [(Paper::A4, 595.28, 841.89), (Paper::Letter, 612.0, 792.0)] {
            let pdf = render(&s, paper, &Locale::english()).unwrap();
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
        let counts: Vec<usize> = [7, 90, 365]
            .iter()
            .map(|&d| {
                page_count(&render(&sample_summary(d, &Locale::english()), Paper::A4, &Locale::english()).unwrap())
            })
            .collect();
        assert!(counts[0] < counts[1] && counts[1] < counts[2], "{counts:?}");
        // A year's daily log alone needs several pages.
        assert!(counts[2] >= 8, "{counts:?}");
    }

    #[test]
    fn deterministic() {
        let s = sample_summary(45, &Locale::english());
        assert_eq!(
            render(&s, Paper::Letter, &Locale::english()).unwrap(),
            render(&s, Paper::Letter, &Locale::english()).unwrap()
        );
    }

    #[test]
    fn unknown_zone_is_invalid() {
        let mut s = sample_summary(3, &Locale::english());
        s.time_zone = "Mars/Olympus".into();
        assert!(matches!(render(&s, Paper::A4, &Locale::english()), Err(CoreError::Invalid { .. })));
    }

    #[test]
    fn edge_cases_render() {
        // No days, no findings, nothing drunk, no name.
        let mut s = sample_summary(1, &Locale::english());
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
        assert!(render(&s, Paper::A4, &Locale::english()).unwrap().starts_with(b"%PDF"));

        // Overlong unbroken words and characters outside the font.
        let mut s = sample_summary(10, &Locale::english());
        s.display_name = Some("名前 Łukasz Øster Ζωή Олена".into());
        s.findings[0].advice = "x".repeat(3000);
        s.plan_events[0].reason = "https://example.org/".repeat(40);
        assert!(render(&s, Paper::Letter, &Locale::english()).unwrap().starts_with(b"%PDF"));
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
        let s = sample_summary(90, &Locale::english());
        let pdf = render(&s, Paper::A4, &Locale::english()).unwrap();
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
            Locale::english().tr("r-ml", &[("ml", t.total_ml.into())]),
            format!("{} / {}", t.days_with_intake, t.days),
            Locale::english().tr("r-ml", &[("ml", t.mean_ml_on_intake_days.into())]),
            Locale::english().tr("r-ml", &[("ml", t.max_day_ml.into())]),
            format!("{}%", t.checkin_adherence_pct),
            format!("{} / {}", t.days_on_target, t.days_with_target),
        ] {
            assert!(flat.contains(&needle), "total {needle:?}");
        }
        assert!(flat.contains(&squash(&Locale::english().t("disclaimer"))), "disclaimer");
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
        let mut s2 = sample_summary(5, &Locale::english());
        s2.display_name = Some("Zoë Łukasz-Ørsted".into());
        if let Some(text) = pdftotext(&render(&s2, Paper::Letter, &Locale::english()).unwrap()) {
            assert!(text.contains("Zoë Łukasz-Ørsted"), "{text}");
        }
    }

    /// The sample summary built and rendered in German and in Russian, read
    /// back with pdftotext: headings, table headers, labels, long dates and
    /// the disclaimer are in that language.
    #[test]
    fn renders_in_german_and_russian() {
        let cases: [(&str, &[&str]); 2] = [
            (
                "de",
                &[
                    "Kefir-Einführung – Bericht für die Ärztin oder den Arzt",
                    "Zeitraum: 5. Januar 2026 bis 3. Februar 2026 (30 Tage)",
                    "Gesamtmenge",
                    "Angaben der Person",
                    "Warnzeichen im Zusammenhang",
                    "Tagesprotokoll",
                    "Stärkste Beschwerde des Tages",
                    "So lesen Sie diesen Bericht",
                    "stellt keine Diagnose",
                    "Seite 1 von",
                    "05.01.2026",
                ],
            ),
            (
                "ru",
                &[
                    "Введение кефира — отчёт для врача",
                    "Период: 5 января 2026 г. — 3 февраля 2026 г. (30 дней)",
                    "Всего выпито",
                    "Со слов пользователя",
                    "Тревожные признаки в контексте",
                    "Дневник по дням",
                    "Как читать этот отчёт",
                    "не ставит диагноз",
                    "Страница 1 из",
                    "05.01.2026",
                ],
            ),
        ];
        for (tag, needles) in cases {
            let loc = Locale::parse(tag).unwrap();
            let s = sample_summary(30, &loc);
            let Some(text) = pdftotext(&render(&s, Paper::A4, &loc).unwrap()) else { return };
            let flat = squash(&text);
            for n in needles {
                assert!(flat.contains(n), "{tag}: {n:?} in {flat}");
            }
            assert!(!flat.contains("Daily log") && !flat.contains("How to read"), "{tag}: no English headings");
            // Labels from the vocabulary in the same language.
            let label = crate::profile::MedClass::Antibiotic.label(&loc);
            assert!(flat.contains(&label), "{tag}: {label}");
        }
        // A March range names the month in German and Russian.
        let mut s = sample_summary(3, &Locale::english());
        s.from_date = "2026-03-01".into();
        s.to_date = "2026-03-03".into();
        for (tag, month) in [("de", "1. März 2026"), ("ru", "1 марта 2026 г.")] {
            let loc = Locale::parse(tag).unwrap();
            let Some(text) = pdftotext(&render(&s, Paper::A4, &loc).unwrap()) else { return };
            assert!(squash(&text).contains(month), "{tag}: {month}");
        }
    }

    #[test]
    fn many_findings_overflow_to_the_appendix() {
        // Every rule of the table as a finding: more than page 1 can hold.
        let mut s = sample_summary(30, &Locale::english());
        s.findings = crate::rules::RULES
            .iter()
            .enumerate()
            .map(|(i, r)| Finding {
                rule_id: r.id.to_string(),
                level: if i % 7 == 0 { Level::Consult } else { Level::Caution },
                level_label: String::new(),
                title: String::new(),
                advice: "Advice text.".into(),
                source: "test".into(),
            })
            .collect();
        assert!(s.findings.len() > 25);
        let pdf = render(&s, Paper::Letter, &Locale::english()).unwrap();
        let Some(text) = pdftotext(&pdf) else { return };
        let flat = squash(&text);
        assert!(flat.contains("more: see the full list in the appendix"));
        for f in &s.findings {
            let title = rule_title(&Locale::english(), &f.rule_id);
            assert!(flat.contains(&squash(&format!("{}. Advice text.", title.trim_end_matches('.')))), "{}", f.rule_id);
        }
    }
}
