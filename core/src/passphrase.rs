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
//!   a close variant (case, leetspeak, reversed), a famous example
//!   passphrase (`correct horse battery staple`), the app's own and other
//!   context words, medicines a diary user types, month and weekday names
//!   (en, de, ru), a repeated group of any length (`aaaa`, `abcabc`) or a
//!   later copy of one (`XaX`), a sequence of code points (`1234`, `abcd`,
//!   `абвг`, `2468`), a run of neighbouring keys on an English, German or
//!   Russian keyboard with or without Shift (`qwerty`, `!@#$`, `йцукен`), a
//!   year 1900-2099 or a date (`15.03.1987`, `150387`); every other
//!   character costs 10 guesses (zxcvbn's brute-force cardinality, the same
//!   in every script: characters are counted, not bytes), except a CJK
//!   ideograph or Hangul syllable, which counts as two characters (100
//!   guesses and two towards [`MIN_CHARS`], see `weight`);
//! - the copies of a repeated group do not count towards [`MIN_CHARS`];
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
/// counted, a CJK ideograph or Hangul syllable counted as two, the copies
/// of a repeated group not counted) than this is too weak whatever they are: a backup passphrase is
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
const LOCAL_COMMON: &[&str] = &[
    "hallo",
    "schatz",
    "geheim",
    "qwertz",
    "привет",
    "любовь",
    "йцукен",
    "qwerty",
    // "password" and "I love you" in Chinese, Japanese and Korean.
    "密码",
    "我爱你",
    "パスワード",
    "ぱすわーど",
    "愛してる",
    "비밀번호",
    "사랑해",
];

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
    // The same rows with Shift held (letters are compared in lower case):
    // US, German and Russian.
    "~!@#$%^&*()_+",
    "qwertyuiop{}|",
    "asdfghjkl:\"",
    "zxcvbnm<>?",
    "°!\"§$%&/()=?`",
    "qwertzuiopü*",
    "asdfghjklöä'",
    ">yxcvbnm;:_",
    "ё!\"№;%:?*()_+",
    "йцукенгшщзхъ/",
    "ячсмитьбю,",
];

/// Names of months and weekdays in English, German and Russian (Russian
/// months also in the genitive of a date, "5 мая"), each counted as 40
/// guesses (12 months and 7 days in a few spellings).
const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "januar",
    "februar",
    "märz",
    "maerz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];

/// Medicines a user of this app is likely to type (its medicine classes in
/// `vocab.ftl` and common antibiotics, painkillers and probiotics, in
/// English, German and Russian spellings): context words for a health diary,
/// each counted as 50 guesses.
const MEDICINE_WORDS: &[&str] = &[
    "antibiotic",
    "antibiotika",
    "antibiotikum",
    "антибиотик",
    "amoxicillin",
    "амоксициллин",
    "penicillin",
    "пенициллин",
    "ciprofloxacin",
    "ципрофлоксацин",
    "doxycycline",
    "doxycyclin",
    "доксициклин",
    "tetracycline",
    "tetracyclin",
    "тетрациклин",
    "azithromycin",
    "азитромицин",
    "metronidazole",
    "metronidazol",
    "метронидазол",
    "fluoroquinolone",
    "disulfiram",
    "warfarin",
    "варфарин",
    "immunosuppressant",
    "ibuprofen",
    "ибупрофен",
    "paracetamol",
    "парацетамол",
    "aspirin",
    "аспирин",
    "omeprazole",
    "omeprazol",
    "омепразол",
    "probiotic",
    "probiotikum",
    "пробиотик",
    "lactobacillus",
    "лактобактерии",
    "bifidobacterium",
    "бифидобактерии",
];

/// Famous example passphrases (xkcd 936, its "Tr0ub4dor&3", pangrams and
/// quotations used as examples), lower case without spaces or
/// punctuation; found in the passphrase with any spaces, hyphens,
/// underscores, dots or commas between the letters, counted as their rank.
const FAMOUS: &[&str] = &[
    "correcthorsebatterystaple",
    "tr0ub4dor&3",
    "troubador&3",
    "thequickbrownfoxjumpsoverthelazydog",
    "thequickbrownfox",
    "maryhadalittlelamb",
    "tobeornottobe",
    "maytheforcebewithyou",
    "loremipsumdolorsitamet",
    "opensesame",
    "hunter2",
    "allyourbasearebelongtous",
    "victorjagtzwölfboxkämpferquerüberdengroßensylterdeich",
    "franzjagtimkomplettverwahrlostentaxiquerdurchbayern",
    "съешьжеещёэтихмягкихфранцузскихбулокдавыпейчаю",
    "съешьжеещёэтихмягкихфранцузскихбулок",
    "вчащахюгажилбыцитрус",
    "мойдядясамыхчестныхправил",
];

/// Characters left out when looking for a [`FAMOUS`] passphrase.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '_' | '.' | ',')
}

/// The kinds of weakness a reason names (in the order reasons are listed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Pattern {
    Common,
    Famous,
    Context,
    Medicine,
    Keyboard,
    Sequence,
    Repeat,
    Year,
    Date,
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
            Pattern::Famous => "passphrase-reason-famous",
            Pattern::Medicine => "passphrase-reason-medicine",
            Pattern::Date => "passphrase-reason-date",
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
    /// Characters of the match that add nothing (the copies of a repeated
    /// group): not counted towards [`MIN_CHARS`].
    copies: usize,
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
                    } else if MEDICINE_WORDS.contains(&key.as_str()) {
                        Some((50f64.log10(), Pattern::Medicine))
                    } else if DATE_WORDS.contains(&key.as_str()) {
                        Some((40f64.log10(), Pattern::Date))
                    } else {
                        list.get(key.as_str()).map(|&rank| ((rank as f64).log10(), Pattern::Common))
                    };
                    if let Some((base, pattern)) = found {
                        let log10 = base + case + leet_log10 + rev_log10;
                        out.push(Match { start, end, log10, pattern, copies: 0 });
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
            out.push(Match { start, end, log10, pattern: Pattern::Sequence, copies: 0 });
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
            out.push(Match { start, end, log10, pattern: Pattern::Keyboard, copies: 0 });
        }
        start = end;
    }
}

/// zxcvbn's repeat model: a group of any length typed two or more times in
/// a row (a single character three or more times), a last partial copy
/// included, costs the group's guesses times the count; the copies add
/// nothing to the length.
fn repeat_matches(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    let mut groups: HashMap<&[char], f64> = HashMap::new();
    for period in 1..=n / 2 {
        let mut start = 0;
        while start + 2 * period <= n {
            let mut end = start + period;
            while end < n && chars[end] == chars[end - period] {
                end += 1;
            }
            let count = (end - start) / period;
            let group = &chars[start..start + period];
            // A group that is itself a repeat (`abab` in `abababab`) is
            // covered more cheaply by its shortest period.
            let periodic = (1..period).any(|q| period % q == 0 && group[q..] == group[..period - q]);
            if count >= 2 && (period > 1 || count >= 3) && !periodic {
                let base = *groups.entry(group).or_insert_with(|| group_log10(group));
                let log10 = base + (count as f64).log10();
                // The copies, a last partial one included (`abcabcab`).
                let copies = end - start - period;
                out.push(Match { start, end, log10, pattern: Pattern::Repeat, copies });
                start += count * period - period + 1;
            } else {
                start += 1;
            }
        }
    }
}

/// A group of four or more characters (case ignored) typed again later,
/// not next to its first occurrence (`XaX`, like "ЯлюблюкефирЯлюблю"): the
/// copy costs where it was copied from and how long it is (start x length
/// guesses), and adds nothing to the length. The zxcvbn repeat model extended
/// to a non-adjacent copy.
fn copy_matches(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    let lowered: Vec<char> = chars.iter().map(|&c| lower(c)).collect();
    // lcp[i][j]: the common length of lowered[i..] and lowered[j..] (rolling
    // over i from the end, one row kept).
    let mut next = vec![0usize; n + 1];
    let mut row = vec![0usize; n + 1];
    for i in (0..n).rev() {
        for j in (i + 1..n).rev() {
            row[j] = if lowered[i] == lowered[j] { next[j + 1] + 1 } else { 0 };
            let len = row[j].min(j - i);
            let left_maximal = i == 0 || lowered[i - 1] != lowered[j - 1];
            if len >= 4 && left_maximal && !lowered[j..j + len].iter().all(|c| c.is_whitespace()) {
                let log10 = ((j * len) as f64).log10();
                out.push(Match { start: j, end: j + len, log10, pattern: Pattern::Repeat, copies: len });
            }
        }
        std::mem::swap(&mut next, &mut row);
    }
}

/// log10 guesses of a repeated group: its best cover without repeats.
fn group_log10(group: &[char]) -> f64 {
    let mut ms = Vec::new();
    word_matches(group, &mut ms);
    famous_matches(group, &mut ms);
    sequence_matches(group, &mut ms);
    keyboard_matches(group, &mut ms);
    date_matches(group, &mut ms);
    year_matches(group, &mut ms);
    cheapest(group, &ms).0
}

/// A [`FAMOUS`] example passphrase, spaces and punctuation between its
/// letters ignored: its rank (1 = the first of the list) times its case
/// variations.
fn famous_matches(chars: &[char], out: &mut Vec<Match>) {
    let (at, kept): (Vec<usize>, Vec<char>) =
        chars.iter().enumerate().filter(|(_, c)| !is_separator(**c)).map(|(i, &c)| (i, lower(c))).unzip();
    for (rank, phrase) in FAMOUS.iter().enumerate() {
        let phrase: Vec<char> = phrase.chars().collect();
        for (k, w) in kept.windows(phrase.len()).enumerate() {
            if w == phrase.as_slice() {
                let (start, end) = (at[k], at[k + phrase.len() - 1] + 1);
                let log10 = ((rank + 1) as f64).log10() + case_log10(&chars[start..end]);
                out.push(Match { start, end, log10, pattern: Pattern::Famous, copies: 0 });
            }
        }
    }
}

/// Obvious dates (zxcvbn's date matching): 4 to 8 digits read as day, month
/// and year in any order with the year first or last (`150387`,
/// `19870315`), or three groups of digits with the same separator
/// (`15.03.1987`, `3/15/87`). Guesses: 365 days times the years between the
/// year and 2000 (at least 20; the core reads no clock), times 4 with a
/// separator.
fn date_matches(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    let digits = |s: &[char]| s.iter().fold(0u32, |acc, c| acc * 10 + c.to_digit(10).unwrap_or(0));
    let mut push = |start: usize, end: usize, parts: [&[char]; 3], sep: bool| {
        if let Some(year) = dmy_year(parts.map(|p| (digits(p), p.len()))) {
            let years = (year as f64 - 2000.0).abs().max(20.0);
            let log10 = (years * 365.0 * if sep { 4.0 } else { 1.0 }).log10();
            out.push(Match { start, end, log10, pattern: Pattern::Date, copies: 0 });
        }
    };
    for start in 0..n {
        // Without separators.
        for len in 4..=8 {
            let Some(s) = chars.get(start..start + len) else { break };
            if !s.iter().all(char::is_ascii_digit) {
                break;
            }
            let splits: &[(usize, usize)] = match len {
                4 => &[(1, 2), (2, 3)],
                5 => &[(1, 3), (2, 3)],
                6 => &[(1, 2), (2, 4), (4, 5)],
                7 => &[(1, 3), (2, 3), (4, 5), (4, 6)],
                _ => &[(2, 4), (4, 6)],
            };
            for &(a, b) in splits {
                push(start, start + len, [&s[..a], &s[a..b], &s[b..]], false);
            }
        }
        // With separators: 1-4 digits, sep, 1-2 digits, the same sep, 1-4 digits.
        let run = |from: usize| chars[from.min(n)..].iter().take_while(|c| c.is_ascii_digit()).count();
        let a = run(start);
        if !(1..=4).contains(&a) || start + a >= n {
            continue;
        }
        let sep = chars[start + a];
        if !matches!(sep, ' ' | '/' | '\\' | '_' | '.' | '-') {
            continue;
        }
        let b = run(start + a + 1);
        let c_at = start + a + 1 + b + 1;
        if !(1..=2).contains(&b) || c_at > n || chars[c_at - 1] != sep {
            continue;
        }
        let c = run(c_at);
        if (1..=4).contains(&c) {
            let (p1, p2, p3) = (&chars[start..start + a], &chars[start + a + 1..c_at - 1], &chars[c_at..c_at + c]);
            push(start, c_at + c, [p1, p2, p3], true);
        }
    }
}

/// The year of three numbers (value, digits) read as a date (day and month
/// in either order, the year first or last; a two-digit year is 19xx from
/// 50, else 20xx), or None.
fn dmy_year(parts: [(u32, usize); 3]) -> Option<u32> {
    let day_month = |x: u32, y: u32| (1..=31).contains(&x) && (1..=12).contains(&y);
    let year = |(v, len): (u32, usize)| match len {
        4 if (1900..2100).contains(&v) => Some(v),
        1 | 2 => Some(if v >= 50 { 1900 + v } else { 2000 + v }),
        _ => None,
    };
    let [a, b, c] = parts;
    let dm = |x: (u32, usize), y: (u32, usize)| x.1 <= 2 && y.1 <= 2 && (day_month(x.0, y.0) || day_month(y.0, x.0));
    if dm(a, b) {
        if let Some(y) = year(c) {
            return Some(y);
        }
    }
    if dm(b, c) {
        return year(a);
    }
    None
}

/// Four digits 1900-2099: 200 guesses.
fn year_matches(chars: &[char], out: &mut Vec<Match>) {
    for (start, w) in chars.windows(4).enumerate() {
        if !w.iter().all(char::is_ascii_digit) {
            continue;
        }
        let y: u32 = w.iter().fold(0, |acc, c| acc * 10 + c.to_digit(10).unwrap_or(0));
        if (1900..2100).contains(&y) {
            out.push(Match { start, end: start + 4, log10: 200f64.log10(), pattern: Pattern::Year, copies: 0 });
        }
    }
}

/// How many characters `c` counts for, towards [`MIN_CHARS`] and as guesses
/// outside any pattern (10 guesses each): 2 for a CJK ideograph or a Hangul
/// syllable, 1 otherwise. A Latin letter is one of 26 (zxcvbn counts 10); an
/// ideograph typed by a person is one of the ~3,500 in common use and a
/// Hangul syllable one of ~2,350 (log10 of about 3.5), and even words built
/// of them (two-character words from a vocabulary of ~10^4) keep about 10^2
/// per character: counting 2 stays below what they carry. Kana (~50 to 90
/// syllables, typed as words) count 1, like letters.
fn weight(c: char) -> usize {
    match c as u32 {
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F | 0xAC00..=0xD7A3 => 2,
        _ => 1,
    }
}

/// The cheapest cover of `chars` by `matches` and single characters:
/// (log10 guesses, the matches used).
fn cheapest(chars: &[char], matches: &[Match]) -> (f64, Vec<Match>) {
    let n = chars.len();
    let mut by_end: Vec<Vec<&Match>> = vec![Vec::new(); n + 1];
    for m in matches {
        by_end[m.end].push(m);
    }
    // best[j]: cheapest cover of the first j characters; from[j]: the match
    // ending at j it uses (None: a single character).
    let mut best = vec![0.0f64; n + 1];
    let mut from: Vec<Option<&Match>> = vec![None; n + 1];
    for j in 1..=n {
        best[j] = best[j - 1] + BRUTEFORCE_CHAR * weight(chars[j - 1]) as f64;
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
                used.push(*m);
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
    let counted: usize = passphrase.chars().filter(|c| !c.is_control()).map(weight).sum();
    let chars: Vec<char> = passphrase.chars().filter(|c| !c.is_control()).take(MAX_ANALYSED_CHARS).collect();
    let mut reasons: Vec<&str> = Vec::new();
    let mut too_short = false;
    let (guesses_log10, level) = if chars.iter().all(|c| c.is_whitespace()) {
        reasons.push("passphrase-reason-empty");
        (0.0, PassphraseLevel::TooWeak)
    } else {
        let mut matches = Vec::new();
        word_matches(&chars, &mut matches);
        famous_matches(&chars, &mut matches);
        sequence_matches(&chars, &mut matches);
        keyboard_matches(&chars, &mut matches);
        repeat_matches(&chars, &mut matches);
        copy_matches(&chars, &mut matches);
        year_matches(&chars, &mut matches);
        date_matches(&chars, &mut matches);
        let (log10, used) = cheapest(&chars, &matches);
        // The copies of a repeated group do not make it longer: "abcdefabcdef"
        // is as short as "abcdef" (the reason given is the repeat).
        let copies: usize =
            used.iter().map(|m| chars[m.end - m.copies..m.end].iter().map(|&c| weight(c)).sum::<usize>()).sum();
        // (Counted over the analysed characters: a repeated group is judged
        // by its first MAX_ANALYSED_CHARS, however long the input.)
        let analysed: usize = chars.iter().map(|&c| weight(c)).sum();
        too_short = counted < MIN_CHARS;
        let level = if too_short || analysed - copies < MIN_CHARS || log10 < FAIR_FROM {
            PassphraseLevel::TooWeak
        } else if log10 < STRONG_FROM {
            PassphraseLevel::Fair
        } else {
            PassphraseLevel::Strong
        };
        if level != PassphraseLevel::Strong {
            let mut used: Vec<Pattern> = used.iter().map(|m| m.pattern).collect();
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
