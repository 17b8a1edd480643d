//! Passphrase strength for encrypted backups (issue 17).
//!
//! An encrypted backup (age, scrypt passphrase recipient) can be attacked
//! offline without limit once the file leaves the phone, so the passphrase
//! is judged by how many guesses an attacker needs, in the frame of NIST SP
//! 800-63B §3.1.1.2 (length over composition rules; refuse commonly used or
//! breached passwords, repetitive or sequential characters and context
//! words).
//!
//! The estimator is the model of zxcvbn (Wheeler, "zxcvbn: Low-Budget
//! Password Strength Estimation", USENIX Security 2016), kept small:
//! - the passphrase (its first [`MAX_ANALYSED_CHARS`] Unicode scalar values)
//!   is covered by the cheapest sequence of patterns: a common password
//!   ([`common-passwords.txt`](../../assets/passwords/README.md), the top
//!   3,000 of zxcvbn's MIT-licensed frequency list, its rank as guesses) or
//!   a close variant (case, leetspeak, reversed), the app's own and other
//!   context words, a repeated group (`aaaa`, `abcabc`), a sequence of code
//!   points (`1234`, `abcd`, `абвг`, `2468`), a run of neighbouring keys on
//!   an English, German or Russian keyboard (`qwerty`, `asdf`, `йцукен`), a
//!   year 1900-2099; every other character costs 10 guesses (zxcvbn's
//!   brute-force cardinality, the same in every script: characters are
//!   counted, not bytes, and no script is rewarded for being non-ASCII);
//! - the guesses of a pattern are its rank or size times its variations
//!   (zxcvbn's `*_guesses` rules, simplified: case x2 or more, leetspeak x2,
//!   reversed x2); a pattern inside a longer passphrase counts at least 50;
//! - the product over the cheapest cover (a dynamic programme, in log10) is
//!   [`PassphraseVerdict::guesses_log10`].
//!
//! Levels: shorter than [`MIN_CHARS`] characters or under 10^10 guesses is
//! [`PassphraseLevel::TooWeak`] (zxcvbn's score 3 boundary, "moderate
//! protection from an offline slow-hash attack"); under 10^14 is `Fair`;
//! otherwise `Strong`. Four random dictionary words are at least Fair, five
//! Strong.
//!
//! Why not a crate: `zxcvbn` 3.x adds about 2.4 MB to the shipped library
//! (its frequency lists as `&str` tables, regex and fancy-regex), several
//! times the ~20-40 KB this feature may add. `passwords` 3.1.19 (magiclen,
//! MIT) adds ~13.5 KB for `analyzer` + `scorer` (measured in a release
//! probe) but scores composition (points for upper case, digits, symbols;
//! +20 per non-ASCII character, so "абвгд" scores 100), which SP 800-63B
//! advises against; it reports only counts, not where a weakness is, its
//! common-password list is 1 MB, and it pulls `rand` 0.10 for its
//! generator. The entropy crates (`pw_entropy`, CHBS ports) have no
//! blocklist and are little maintained. This module is the ~400 lines of
//! zxcvbn's matching and scoring that matter for a long passphrase, with the
//! top of its list (about 12 KB deflated by `core/build.rs`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::l10n::{Arg, Locale};
use crate::text::enum_str;

enum_str! {
    /// How hard a passphrase is to guess offline (a backup file can be
    /// attacked without limit once it leaves the phone).
    pub enum PassphraseLevel {
        /// Refused for an encrypted backup: guessable.
        TooWeak = "too_weak",
        /// Accepted, with the reasons it could be stronger.
        Fair = "fair",
        /// Accepted.
        Strong = "strong",
    }
}

/// The core's judgement of a passphrase, screen-ready in the caller's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PassphraseVerdict {
    pub level: PassphraseLevel,
    /// `level` in the caller's language.
    pub level_label: String,
    /// Whether an encrypted backup may be written with it (`level` is not `TooWeak`).
    pub acceptable: bool,
    /// Why it is weak or only fair, one sentence each, in the caller's
    /// language; empty when strong. Never quotes the passphrase.
    pub reasons: Vec<String>,
    /// The estimated number of guesses an attacker needs, as log10 (0 for an
    /// empty passphrase; 10 and 14 are the Fair and Strong boundaries), for a
    /// strength meter.
    pub guesses_log10: f64,
}

/// Fewer characters (Unicode scalar values, control characters not
/// counted) than this is too weak whatever they are: a backup passphrase is
/// the only protection against offline guessing (SP 800-63B allows 8 for a
/// rate-limited password; 15 for one that is the only factor).
pub const MIN_CHARS: usize = 12;

/// Only the first this many characters are analysed (the estimate of
/// anything longer is far above the Strong boundary already), so judging a
/// huge input costs no more than counting its characters.
pub const MAX_ANALYSED_CHARS: usize = 256;

/// log10 guesses from which a passphrase is Fair.
const FAIR_FROM: f64 = 10.0;
/// log10 guesses from which a passphrase is Strong.
const STRONG_FROM: f64 = 14.0;
/// log10 guesses of one character outside any pattern (zxcvbn: 10).
const BRUTEFORCE_CHAR: f64 = 1.0;
/// log10 of the least a pattern inside a longer passphrase counts (zxcvbn's
/// MIN_SUBMATCH_GUESSES_MULTI_CHAR = 50).
const MIN_SUBMATCH: f64 = 1.69897;
/// Longest common password or context word looked for, in characters.
const MAX_WORD: usize = 32;

/// The app's own words and obvious context words (SP 800-63B: "context-
/// specific words, such as the name of the service"), and a few common
/// German and Russian passwords the English-centred list lacks; each is
/// counted as 20 guesses.
const CONTEXT_WORDS: &[&str] = &[
    "kefir",
    "kefirstart",
    "kefirapp",
    "start",
    "backup",
    "diary",
    "health",
    "passphrase",
    "кефир",
    "кефирстарт",
    "дневник",
    "бэкап",
    "копия",
    "здоровье",
    "tagebuch",
    "sicherung",
    "gesundheit",
    "passwort",
    "пароль",
];
const LOCAL_COMMON: &[&str] = &["hallo", "schatz", "geheim", "qwertz", "привет", "любовь", "йцукен", "qwerty"];

/// Keyboard rows (English, German and Russian layouts), for runs of
/// neighbouring keys.
const KEYBOARD_ROWS: &[&str] = &[
    "`1234567890-=",
    "qwertyuiop[]\\",
    "asdfghjkl;'",
    "zxcvbnm,./",
    "^1234567890ß´",
    "qwertzuiopü+",
    "asdfghjklöä#",
    "<yxcvbnm,.-",
    "ё1234567890-=",
    "йцукенгшщзхъ\\",
    "фывапролджэ",
    "ячсмитьбю.",
    "1qaz",
    "2wsx",
    "3edc",
    "4rfv",
    "5tgb",
    "6yhn",
    "7ujm",
    "8ik,",
    "9ol.",
    "0p;/",
];

/// The kinds of weakness a reason names (in the order reasons are listed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Pattern {
    Common,
    Context,
    Keyboard,
    Sequence,
    Repeat,
    Year,
}

impl Pattern {
    fn reason_id(self) -> &'static str {
        match self {
            Pattern::Common => "passphrase-reason-common",
            Pattern::Context => "passphrase-reason-context",
            Pattern::Keyboard => "passphrase-reason-keyboard",
            Pattern::Sequence => "passphrase-reason-sequence",
            Pattern::Repeat => "passphrase-reason-repeated",
            Pattern::Year => "passphrase-reason-year",
        }
    }
}

/// A pattern found over characters `start..end`, worth `log10` guesses.
#[derive(Clone, Copy, Debug)]
struct Match {
    start: usize,
    end: usize,
    log10: f64,
    pattern: Pattern,
}

/// The common-password list: lower-case password -> rank (1 = most common).
fn common() -> &'static HashMap<String, u32> {
    static LIST: OnceLock<HashMap<String, u32>> = OnceLock::new();
    LIST.get_or_init(|| {
        let z: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common-passwords.txt.z"));
        let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(z).expect("list compressed at build time");
        let text = String::from_utf8(bytes).expect("list is UTF-8");
        let mut map = HashMap::new();
        for (rank, w) in text.lines().enumerate() {
            map.entry(w.to_string()).or_insert(rank as u32 + 1);
        }
        for w in LOCAL_COMMON {
            map.entry(w.to_string()).or_insert(100);
        }
        map
    })
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Leetspeak: the letter a digit or symbol stands for (`1` read as `i`; the
/// `l` reading is tried separately).
fn unleet(c: char, one: char) -> char {
    match c {
        '4' | '@' => 'a',
        '8' => 'b',
        '(' | '{' | '[' | '<' => 'c',
        '3' => 'e',
        '6' | '9' => 'g',
        '1' => one,
        '!' | '|' => 'i',
        '0' => 'o',
        '$' | '5' => 's',
        '7' | '+' => 't',
        '%' => 'x',
        '2' => 'z',
        _ => c,
    }
}

/// log10 of the case variations of a word spelt `word` (zxcvbn's
/// uppercase_variations: all lower 1, first or all upper 2, otherwise the
/// number of ways to place that many capitals).
fn case_log10(word: &[char]) -> f64 {
    let upper = word.iter().filter(|c| c.is_uppercase()).count();
    let lower = word.iter().filter(|c| c.is_lowercase()).count();
    if upper == 0 {
        return 0.0;
    }
    if lower == 0 || (upper == 1 && word[0].is_uppercase()) {
        return 2f64.log10();
    }
    let n = upper + lower;
    let sum: f64 = (1..=upper.min(lower)).map(|k| binomial(n, k)).sum();
    sum.log10()
}

fn binomial(n: usize, k: usize) -> f64 {
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

/// Common passwords and context words inside `chars`, as typed, in
/// leetspeak or reversed.
fn word_matches(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    let lowered: Vec<char> = chars.iter().map(|&c| lower(c)).collect();
    let variants: [(Vec<char>, bool); 3] = [
        (lowered.clone(), false),
        (lowered.iter().map(|&c| unleet(c, 'i')).collect(), true),
        (lowered.iter().map(|&c| unleet(c, 'l')).collect(), true),
    ];
    let list = common();
    let mut key = String::new();
    for start in 0..n {
        for end in start + 3..=n.min(start + MAX_WORD) {
            let case = case_log10(&chars[start..end]);
            for (text, leet) in &variants {
                let leet_log10 = if *leet && text[start..end] != lowered[start..end] { 2f64.log10() } else { 0.0 };
                if *leet && leet_log10 == 0.0 {
                    continue;
                }
                for reversed in [false, true] {
                    key.clear();
                    if reversed {
                        key.extend(text[start..end].iter().rev());
                    } else {
                        key.extend(&text[start..end]);
                    }
                    let rev_log10 = if reversed { 2f64.log10() } else { 0.0 };
                    let found = if CONTEXT_WORDS.contains(&key.as_str()) {
                        Some((20f64.log10(), Pattern::Context))
                    } else {
                        list.get(key.as_str()).map(|&rank| ((rank as f64).log10(), Pattern::Common))
                    };
                    if let Some((base, pattern)) = found {
                        let log10 = base + case + leet_log10 + rev_log10;
                        out.push(Match { start, end, log10, pattern });
                    }
                }
            }
        }
    }
}

/// Runs of three or more characters whose code points step evenly by 1 to
/// 5, up or down (`abc`, `9753`, `абв`); zxcvbn's sequence guesses.
fn sequence_matches(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    let mut start = 0;
    while start + 2 < n {
        let delta = chars[start + 1] as i64 - chars[start] as i64;
        let mut end = start + 1;
        while end < n && chars[end] as i64 - chars[end - 1] as i64 == delta {
            end += 1;
        }
        if (1..=5).contains(&delta.abs()) && end - start >= 3 {
            let first = chars[start];
            let base: f64 = if "aAzZ019".contains(first) {
                4.0
            } else if first.is_ascii_digit() {
                10.0
            } else {
                26.0
            };
            let dir = if delta < 0 { 2.0 } else { 1.0 };
            let log10 = (base * (end - start) as f64 * dir).log10();
            out.push(Match { start, end, log10, pattern: Pattern::Sequence });
            start = end - 1;
        } else {
            start += 1;
        }
    }
}

/// Runs of four or more neighbouring keys along a keyboard row or column
/// (`qwer`, `lkjh`, `йцук`, `1qaz`): 94 starting keys and directions times
/// the run's length.
fn keyboard_matches(chars: &[char], out: &mut Vec<Match>) {
    let lowered: Vec<char> = chars.iter().map(|&c| lower(c)).collect();
    let rows: Vec<Vec<char>> = KEYBOARD_ROWS.iter().map(|r| r.chars().collect()).collect();
    let neighbours = |a: char, b: char| {
        rows.iter().any(|r| r.windows(2).any(|w| (w[0] == a && w[1] == b) || (w[0] == b && w[1] == a)))
    };
    let n = lowered.len();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && neighbours(lowered[end - 1], lowered[end]) {
            end += 1;
        }
        if end - start >= 4 {
            let case = case_log10(&chars[start..end]);
            let log10 = (94.0 * (end - start) as f64).log10() + case;
            out.push(Match { start, end, log10, pattern: Pattern::Keyboard });
        }
        start = end;
    }
}

/// A group of 1 to 16 characters typed two or more times in a row (a single
/// character three or more times): the group's guesses times the count.
fn repeat_matches(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    for period in 1..=16.min(n / 2) {
        let mut start = 0;
        while start + 2 * period <= n {
            let mut end = start + period;
            while end < n && chars[end] == chars[end - period] {
                end += 1;
            }
            let count = (end - start) / period;
            if count >= 2 && (period > 1 || count >= 3) {
                let base = group_log10(&chars[start..start + period]);
                let log10 = base + (count as f64).log10();
                out.push(Match { start, end: start + count * period, log10, pattern: Pattern::Repeat });
                start += count * period - period + 1;
            } else {
                start += 1;
            }
        }
    }
}

/// log10 guesses of a repeated group: its best cover without repeats.
fn group_log10(group: &[char]) -> f64 {
    let mut ms = Vec::new();
    word_matches(group, &mut ms);
    sequence_matches(group, &mut ms);
    keyboard_matches(group, &mut ms);
    cheapest(group.len(), &ms).0
}

/// Four digits 1900-2099: 200 guesses.
fn year_matches(chars: &[char], out: &mut Vec<Match>) {
    for (start, w) in chars.windows(4).enumerate() {
        if !w.iter().all(char::is_ascii_digit) {
            continue;
        }
        let y: u32 = w.iter().fold(0, |acc, c| acc * 10 + c.to_digit(10).unwrap_or(0));
        if (1900..2100).contains(&y) {
            out.push(Match { start, end: start + 4, log10: 200f64.log10(), pattern: Pattern::Year });
        }
    }
}

/// The cheapest cover of `n` characters by `matches` and single characters:
/// (log10 guesses, the patterns used).
fn cheapest(n: usize, matches: &[Match]) -> (f64, Vec<Pattern>) {
    let mut by_end: Vec<Vec<&Match>> = vec![Vec::new(); n + 1];
    for m in matches {
        by_end[m.end].push(m);
    }
    // best[j]: cheapest cover of the first j characters; from[j]: the match
    // ending at j it uses (None: a single character).
    let mut best = vec![0.0f64; n + 1];
    let mut from: Vec<Option<&Match>> = vec![None; n + 1];
    for j in 1..=n {
        best[j] = best[j - 1] + BRUTEFORCE_CHAR;
        for &m in &by_end[j] {
            let whole = m.start == 0 && m.end == n;
            let cost = best[m.start] + if whole { m.log10.max(0.0) } else { m.log10.max(MIN_SUBMATCH) };
            if cost < best[j] {
                best[j] = cost;
                from[j] = Some(m);
            }
        }
    }
    let mut used = Vec::new();
    let mut j = n;
    while j > 0 {
        match from[j] {
            Some(m) => {
                used.push(m.pattern);
                j = m.start;
            }
            None => j -= 1,
        }
    }
    (best[n], used)
}

/// Judge `passphrase` (any Unicode; never stored or logged): the level, its
/// label and the reasons it is weak or only fair (catalogue ids
/// `passphrase-level-<level>` and `passphrase-reason-*`), in `loc`. Never
/// fails; an empty or whitespace-only passphrase is `TooWeak`. Runs in time
/// linear in the input's length (at most [`MAX_ANALYSED_CHARS`] characters
/// are analysed).
pub fn judge(passphrase: &str, loc: &Locale) -> PassphraseVerdict {
    let counted = passphrase.chars().filter(|c| !c.is_control()).count();
    let chars: Vec<char> = passphrase.chars().filter(|c| !c.is_control()).take(MAX_ANALYSED_CHARS).collect();
    let mut reasons: Vec<&str> = Vec::new();
    let mut too_short = false;
    let (guesses_log10, level) = if chars.iter().all(|c| c.is_whitespace()) {
        reasons.push("passphrase-reason-empty");
        (0.0, PassphraseLevel::TooWeak)
    } else {
        let mut matches = Vec::new();
        word_matches(&chars, &mut matches);
        sequence_matches(&chars, &mut matches);
        keyboard_matches(&chars, &mut matches);
        repeat_matches(&chars, &mut matches);
        year_matches(&chars, &mut matches);
        let (log10, mut used) = cheapest(chars.len(), &matches);
        too_short = counted < MIN_CHARS;
        let level = if too_short || log10 < FAIR_FROM {
            PassphraseLevel::TooWeak
        } else if log10 < STRONG_FROM {
            PassphraseLevel::Fair
        } else {
            PassphraseLevel::Strong
        };
        if level != PassphraseLevel::Strong {
            used.sort();
            used.dedup();
            reasons.extend(used.iter().map(|p| p.reason_id()));
            if one_kind(&chars) {
                reasons.push("passphrase-reason-one-kind");
            }
            if reasons.is_empty() && !too_short {
                reasons.push("passphrase-reason-guessable");
            }
        }
        (log10, level)
    };
    let mut texts: Vec<String> = Vec::new();
    if too_short {
        texts.push(loc.tr("passphrase-reason-too-short", &[("min", Arg::Int(MIN_CHARS as i64))]));
    }
    texts.extend(reasons.iter().map(|id| loc.t(id)));
    PassphraseVerdict {
        level,
        level_label: loc.t(&format!("passphrase-level-{}", level.as_str())),
        acceptable: level != PassphraseLevel::TooWeak,
        reasons: texts,
        guesses_log10,
    }
}

/// Only one kind of character: lower-case letters (or letters of a script
/// without case), upper-case letters, digits, or everything else.
fn one_kind(chars: &[char]) -> bool {
    let kind = |c: &char| {
        if c.is_uppercase() {
            0
        } else if c.is_alphabetic() {
            1
        } else if c.is_numeric() {
            2
        } else {
            3
        }
    };
    let first = chars.first().map(kind);
    chars.iter().all(|c| Some(kind(c)) == first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log10(p: &str) -> f64 {
        judge(p, &Locale::english()).guesses_log10
    }

    #[test]
    fn the_list_is_ranked_from_one() {
        assert_eq!(common().get("123456"), Some(&1));
        assert_eq!(common().get("password"), Some(&2));
        assert!(common().len() >= 3000);
    }

    #[test]
    fn patterns_cost_less_than_random_characters() {
        // 12 random characters: 10^12.
        assert!((log10("xq7vbk2mzrwj") - 12.0).abs() < 1e-9);
        assert!(log10("abcdefghijkl") < 3.0);
        assert!(log10("aaaaaaaaaaaa") < 3.0);
        assert!(log10("qwertyuiopas") < 4.0);
        assert!(log10("P@ssw0rd") < log10("xq7vbk2m"));
        assert!(log10("drowssap") < 2.0);
    }

    #[test]
    fn case_variations_follow_zxcvbn() {
        let w: Vec<char> = "password".chars().collect();
        assert_eq!(case_log10(&w), 0.0);
        let w: Vec<char> = "Password".chars().collect();
        assert!((case_log10(&w) - 2f64.log10()).abs() < 1e-12);
        let w: Vec<char> = "PASSWORD".chars().collect();
        assert!((case_log10(&w) - 2f64.log10()).abs() < 1e-12);
        // pAsSword: 2 capitals among 8: C(8,1) + C(8,2) = 36.
        let w: Vec<char> = "pAsSword".chars().collect();
        assert!((case_log10(&w) - 36f64.log10()).abs() < 1e-12);
    }
}
