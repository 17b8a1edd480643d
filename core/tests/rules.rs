//! The safety engine: every rule id shown firing and not firing, property
//! tests over profiles and symptoms, and bad input.

use chrono::Duration;
use kefir_core::checkin::assess;
use kefir_core::rules::{overall, rule, symptom_findings, SymptomContext, DEFAULT_CAP_ML, RULES};
use kefir_core::screening::{constraints_for, guidance, screen};
use kefir_core::vocab::Labelled;
use kefir_core::*;
use proptest::prelude::*;

const TZ: &str = "Europe/Paris";
const NOW: &str = "2026-11-26T18:00:00Z";

fn en() -> kefir_core::l10n::Locale {
    kefir_core::l10n::Locale::english()
}
fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}
fn now() -> Timestamp {
    ts(NOW)
}
fn profile(conditions: &[Condition], medicines: &[MedClass]) -> Profile {
    Profile { conditions: conditions.to_vec(), medicines: medicines.to_vec(), ..Profile::default() }
}
fn ids(fs: &[Finding]) -> Vec<&str> {
    fs.iter().map(|f| f.rule_id.as_str()).collect()
}
fn screen_ids(p: &Profile) -> Vec<String> {
    screen(p, None, &en()).findings.into_iter().map(|f| f.rule_id).collect()
}
fn e(symptom: Symptom, severity: Severity) -> SymptomEntry {
    SymptomEntry { symptom, severity }
}
fn app_with(p: &Profile) -> Kefir {
    let k = Kefir::open_in_memory().unwrap();
    k.save_profile(p, now()).unwrap();
    k
}
fn checkin(k: &Kefir, day: &str, symptoms: &[SymptomEntry]) -> CheckinResult {
    let input = CheckinInput { day: day.into(), symptoms: symptoms.to_vec(), bristol: Some(4), note: None };
    k.save_checkin(&input, now(), TZ).unwrap()
}
fn drink(at: &str, ml: u32, kind: KefirKind, source: Source) -> DrinkInput {
    DrinkInput { at: ts(at), ml, kind, source, note: None, batch: None }
}
fn invalid_field(e: CoreError) -> String {
    match e {
        CoreError::Invalid { field, .. } => field,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

// --- the table -------------------------------------------------------------------

/// The project's own catalogue, docs/rules.md, is generated from the table;
/// this fails when it is stale (regenerate with KEFIR_WRITE_RULES_DOC=1).
/// Nothing here reads outside the repository.
#[test]
fn rules_doc_is_generated_from_the_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/rules.md");
    let want = kefir_core::rules::catalogue_markdown(&en());
    if std::env::var_os("KEFIR_WRITE_RULES_DOC").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "docs/rules.md is stale: run KEFIR_WRITE_RULES_DOC=1 cargo test -p kefir-core --test rules");
    let mut ours: Vec<String> = RULES.iter().map(|r| r.id.to_string()).collect();
    ours.sort();
    let mut dedup = ours.clone();
    dedup.dedup();
    assert_eq!(dedup, ours, "duplicate rule ids");
    for r in RULES {
        assert!(!r.title(&en()).is_empty() && !r.advice(&en()).is_empty() && !r.source.is_empty(), "{}", r.id);
        let line = have.lines().find(|l| l.starts_with(&format!("| {} |", r.id))).expect("a row per rule");
        assert!(line.contains(r.level.as_str()) && line.contains(&r.trigger.describe()), "{line}");
    }
    // The catalogue's families: D1-D6, S1-S8, P1-P8, M1-M6, H1-H4 and the product's X1.
    let expect: Vec<String> = [("D", 6), ("S", 8), ("P", 8), ("M", 6), ("H", 4), ("X", 1)]
        .iter()
        .flat_map(|(p, n)| (1..=*n).map(move |i| format!("{p}{i}")))
        .collect();
    let mut expect = expect;
    expect.sort();
    assert_eq!(ours, expect);
}

#[test]
fn d3_advice_says_the_cap_is_a_product_default() {
    assert!(rule("D3").advice(&en()).contains("No published upper limit"));
    assert!(rule("D3").advice(&en()).contains("default"));
}

// --- D rules ----------------------------------------------------------------------

#[test]
fn d1_start_amount() {
    let c = constraints_for(&Profile::default());
    assert_eq!((c.max_start_ml, c.start_rule_ids.clone()), (100, vec!["D1".to_string()]));
    assert!(ids(&guidance(&en())).contains(&"D1"));
    // Not firing as the limit when a stricter start rule applies.
    let c = constraints_for(&profile(&[Condition::LactoseIntolerance], &[]));
    assert_eq!((c.max_start_ml, c.start_rule_ids), (50, vec!["P2".to_string()]));
}

#[test]
fn d2_maintenance_cap() {
    let c = constraints_for(&Profile::default());
    assert_eq!((c.max_ml_per_day, c.cap_rule_ids), (DEFAULT_CAP_ML, vec!["D2".to_string()]));
    let c = constraints_for(&profile(&[], &[MedClass::MaoInhibitor]));
    assert_eq!((c.max_ml_per_day, c.cap_rule_ids), (120, vec!["M4".to_string()]));
}

#[test]
fn d3_over_the_daily_cap() {
    let k = app_with(&Profile::default());
    let w =
        k.log_drink(&drink("2026-11-26T07:00:00Z", 150, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(!ids(&w.warnings).contains(&"D3"));
    let w = k.log_drink(&drink("2026-11-26T12:00:00Z", 50, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(!ids(&w.warnings).contains(&"D3"), "exactly 200 ml is within the cap");
    let w = k.log_drink(&drink("2026-11-26T13:00:00Z", 1, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    let d3 = w.warnings.iter().find(|f| f.rule_id == "D3").expect("D3 fires above 200 ml");
    assert_eq!(d3.level, Level::Caution);
    assert!(d3.advice.contains("201 ml"));
    // The M4 cap (120 ml) is the limit for someone on an MAO inhibitor.
    let k = app_with(&profile(&[], &[MedClass::MaoInhibitor]));
    let w =
        k.log_drink(&drink("2026-11-26T07:00:00Z", 121, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(ids(&w.warnings).contains(&"D3"));
}

#[test]
fn d4_d5_d6_are_plan_guidance_not_symptom_or_screening_findings() {
    let g = guidance(&en());
    for id in ["D4", "D5", "D6"] {
        assert!(ids(&g).contains(&id));
        assert!(!screen_ids(&profile(Condition::ALL, MedClass::ALL)).contains(&id.to_string()));
    }
}

// --- S rules ----------------------------------------------------------------------

#[test]
fn s1_mild_digestive_holds() {
    let k = app_with(&Profile::default());
    let r = checkin(&k, "2026-11-26", &[e(Symptom::Bloating, Severity::Mild), e(Symptom::Gas, Severity::Mild)]);
    assert_eq!(ids(&r.assessment.findings), vec!["S1"]);
    assert_eq!(r.assessment.level, Level::Info);
    let r = checkin(&k, "2026-11-26", &[]);
    assert!(r.assessment.findings.is_empty());
}

#[test]
fn s2_moderate_or_two_days_in_a_row() {
    let k = app_with(&Profile::default());
    let r = checkin(&k, "2026-11-26", &[e(Symptom::Diarrhoea, Severity::Moderate)]);
    assert_eq!(ids(&r.assessment.findings), vec!["S2"]);
    assert_eq!(r.assessment.level, Level::Caution);
    // Persistent: mild yesterday and mild today.
    let k = app_with(&Profile::default());
    let r = checkin(&k, "2026-11-25", &[e(Symptom::Gas, Severity::Mild)]);
    assert!(!ids(&r.assessment.findings).contains(&"S2"));
    let r = checkin(&k, "2026-11-26", &[e(Symptom::Bloating, Severity::Mild)]);
    assert!(ids(&r.assessment.findings).contains(&"S2"));
}

#[test]
fn s3_lactose_reaction_after_milk_kefir() {
    let p = profile(&[Condition::LactoseIntolerance], &[]);
    let k = app_with(&p);
    k.log_drink(&drink("2026-11-26T07:00:00Z", 50, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    let r = checkin(&k, "2026-11-26", &[e(Symptom::Cramps, Severity::Mild)]);
    assert!(ids(&r.assessment.findings).contains(&"S3"));
    // Water kefir: no lactose, no S3.
    let k = app_with(&p);
    k.log_drink(&drink("2026-11-26T07:00:00Z", 50, KefirKind::Water, Source::Commercial), now(), TZ).unwrap();
    let r = checkin(&k, "2026-11-26", &[e(Symptom::Cramps, Severity::Mild)]);
    assert!(!ids(&r.assessment.findings).contains(&"S3"));
    // Not lactose intolerant: no S3.
    let k = app_with(&Profile::default());
    k.log_drink(&drink("2026-11-26T07:00:00Z", 50, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(!ids(&checkin(&k, "2026-11-26", &[e(Symptom::Cramps, Severity::Mild)]).assessment.findings).contains(&"S3"));
}

#[test]
fn s4_skin_reaction_caution_then_stop_when_it_recurs() {
    let k = app_with(&Profile::default());
    let r = checkin(&k, "2026-11-25", &[e(Symptom::SkinRedness, Severity::Mild)]);
    let s4 = r.assessment.findings.iter().find(|f| f.rule_id == "S4").unwrap();
    assert_eq!(s4.level, Level::Caution);
    let r = checkin(&k, "2026-11-26", &[e(Symptom::Itching, Severity::Mild)]);
    let s4 = r.assessment.findings.iter().find(|f| f.rule_id == "S4").unwrap();
    assert_eq!(s4.level, Level::Stop);
    assert_eq!(r.assessment.level, Level::Stop);
    // Editing the same day does not count as a recurrence.
    let k = app_with(&Profile::default());
    checkin(&k, "2026-11-26", &[e(Symptom::SkinRedness, Severity::Mild)]);
    let r = checkin(&k, "2026-11-26", &[e(Symptom::SkinRedness, Severity::Moderate)]);
    assert_eq!(r.assessment.level, Level::Caution);
    assert!(!ids(&checkin(&k, "2026-11-26", &[e(Symptom::Gas, Severity::Mild)]).assessment.findings).contains(&"S4"));
}

#[test]
fn s5_anaphylaxis_signs_are_an_emergency() {
    for signs in [
        vec![e(Symptom::LipFaceTongueSwelling, Severity::Mild)],
        vec![e(Symptom::ItchyThroat, Severity::Mild)],
        vec![e(Symptom::Hives, Severity::Mild), e(Symptom::BreathingDifficulty, Severity::Mild)],
        vec![e(Symptom::Faintness, Severity::Moderate)],
        vec![e(Symptom::Diarrhoea, Severity::Severe), e(Symptom::SkinRedness, Severity::Mild)],
    ] {
        let k = app_with(&Profile::default());
        let r = checkin(&k, "2026-11-26", &signs);
        assert!(ids(&r.assessment.findings).contains(&"S5"), "{signs:?}");
        assert_eq!(r.assessment.level, Level::Emergency);
        let screen = r.assessment.emergency.expect("emergency screen");
        assert!(screen.steps[0].contains("Stop"));
        assert!(screen.steps[1].contains("emergency number"));
        assert_eq!(screen.rule_ids, vec!["S5".to_string()]);
    }
    // Severe diarrhoea alone is not anaphylaxis.
    let k = app_with(&Profile::default());
    let r = checkin(&k, "2026-11-26", &[e(Symptom::Diarrhoea, Severity::Severe)]);
    assert!(!ids(&r.assessment.findings).contains(&"S5"));
    assert!(r.assessment.emergency.is_none());
}

#[test]
fn s5_is_caught_by_report_a_reaction_now() {
    let k = app_with(&Profile::default());
    let input = ReactionInput {
        at: now().minus(Duration::minutes(5)),
        symptoms: vec![e(Symptom::LipFaceTongueSwelling, Severity::Moderate)],
        note: Some("after a glass of kefir".into()),
    };
    let r = k.report_reaction(&input, now(), TZ).unwrap();
    assert_eq!(r.assessment.level, Level::Emergency);
    assert_eq!(r.reaction.rule_ids, vec!["S5".to_string()]);
    assert!(r.assessment.emergency.is_some());
}

#[test]
fn s6_hives_without_breathing_signs_stop() {
    let k = app_with(&Profile::default());
    let r = checkin(&k, "2026-11-26", &[e(Symptom::Hives, Severity::Moderate)]);
    assert!(ids(&r.assessment.findings).contains(&"S6"));
    assert_eq!(r.assessment.level, Level::Stop);
    assert!(r.assessment.emergency.is_none());
    // With breathing difficulty it is S5, not S6.
    let r = checkin(
        &k,
        "2026-11-26",
        &[e(Symptom::Hives, Severity::Mild), e(Symptom::BreathingDifficulty, Severity::Mild)],
    );
    assert!(!ids(&r.assessment.findings).contains(&"S6"));
}

#[test]
fn s7_fever_when_immunocompromised_is_an_emergency() {
    let k = app_with(&profile(&[Condition::CentralLine], &[]));
    let r = checkin(&k, "2026-11-26", &[e(Symptom::FeverChills, Severity::Mild)]);
    assert_eq!(ids(&r.assessment.findings), vec!["S7"]);
    let screen = r.assessment.emergency.unwrap();
    assert!(screen.steps.iter().any(|s| s.contains("weakened immune system")));
    let k = app_with(&Profile::default());
    let r = checkin(&k, "2026-11-26", &[e(Symptom::FeverChills, Severity::Mild)]);
    assert!(!ids(&r.assessment.findings).contains(&"S7"));
}

#[test]
fn s8_blood_in_stool_consult() {
    let k = app_with(&Profile::default());
    let r = checkin(&k, "2026-11-26", &[e(Symptom::BloodInStool, Severity::Mild)]);
    assert_eq!(ids(&r.assessment.findings), vec!["S8"]);
    assert_eq!(r.assessment.level, Level::Consult);
    assert!(!ids(&checkin(&k, "2026-11-26", &[e(Symptom::Nausea, Severity::Mild)]).assessment.findings).contains(&"S8"));
}

// --- P rules ----------------------------------------------------------------------

#[test]
fn p_rules_fire_on_their_conditions_only() {
    let cases: &[(&[Condition], AgeBand, &str, Level)] = &[
        (&[Condition::MilkProteinAllergy], AgeBand::Adult, "P1", Level::Caution),
        (&[Condition::LactoseIntolerance], AgeBand::Adult, "P2", Level::Caution),
        (&[Condition::HistamineSensitivity], AgeBand::Adult, "P3", Level::Caution),
        (&[Condition::Pregnant], AgeBand::Adult, "P4", Level::Consult),
        (&[Condition::Breastfeeding], AgeBand::Adult, "P4", Level::Consult),
        (&[Condition::Neutropenia], AgeBand::Adult, "P5", Level::Consult),
        (&[Condition::Chemotherapy], AgeBand::Adult, "P5", Level::Consult),
        (&[Condition::Transplant], AgeBand::Adult, "P5", Level::Consult),
        (&[Condition::BiologicsOrImmunosuppressants], AgeBand::Adult, "P5", Level::Consult),
        (&[Condition::CentralLine], AgeBand::Adult, "P5", Level::Consult),
        (&[Condition::KidneyDiseaseOrPotassiumRestriction], AgeBand::Adult, "P6", Level::Consult),
        (&[], AgeBand::InfantUnder12Months, "P7", Level::Consult),
        (&[Condition::AvoidingAlcohol], AgeBand::Adult, "P8", Level::Caution),
    ];
    for (conditions, age, id, level) in cases {
        let p = Profile { conditions: conditions.to_vec(), age_band: *age, ..Profile::default() };
        let s = screen(&p, None, &en());
        assert_eq!(ids(&s.findings), vec![*id], "{conditions:?}");
        assert_eq!(s.level, *level);
        assert_eq!(s.may_start, *level < Level::Consult, "{id}");
    }
    assert!(screen(&Profile::default(), None, &en()).findings.is_empty());
    assert!(screen(&Profile { age_band: AgeBand::Child, ..Profile::default() }, None, &en()).findings.is_empty());
}

#[test]
fn p1_rules_out_milk_kefir_and_h4_kind_decides() {
    let p = profile(&[Condition::MilkProteinAllergy], &[]);
    let c = constraints_for(&p);
    assert_eq!(c.allowed_kinds, vec![KefirKind::Water, KefirKind::Plant]);
    let k = app_with(&p);
    let w =
        k.log_drink(&drink("2026-11-26T07:00:00Z", 50, KefirKind::MilkGoat, Source::Commercial), now(), TZ).unwrap();
    assert!(ids(&w.warnings).contains(&"P1"));
    let w = k.log_drink(&drink("2026-11-26T08:00:00Z", 50, KefirKind::Water, Source::Commercial), now(), TZ).unwrap();
    assert!(!ids(&w.warnings).contains(&"P1"));
}

#[test]
fn p2_p3_lower_the_start() {
    for c in [Condition::LactoseIntolerance, Condition::HistamineSensitivity] {
        assert_eq!(constraints_for(&profile(&[c], &[])).max_start_ml, 50);
    }
}

#[test]
fn p4_p5_m4_m5_rule_out_homemade() {
    for p in [
        profile(&[Condition::Pregnant], &[]),
        profile(&[Condition::Transplant], &[]),
        profile(&[], &[MedClass::MaoInhibitor]),
        profile(&[], &[MedClass::MetronidazoleOrDisulfiram]),
    ] {
        assert_eq!(constraints_for(&p).allowed_sources, vec![Source::Commercial], "{p:?}");
    }
    assert_eq!(constraints_for(&Profile::default()).allowed_sources, vec![Source::Homemade, Source::Commercial]);
}

#[test]
fn consult_hold_is_lifted_by_a_clinician_acknowledgement() {
    let k = app_with(&profile(&[Condition::Pregnant], &[]));
    let s = k.screening().unwrap();
    assert!(s.needs_clinician && !s.may_start);
    assert_eq!(s.uncleared_rule_ids, vec!["P4".to_string()]);
    let s = k.acknowledge_clinician(Some("midwife said fine".into()), now()).unwrap();
    assert!(s.may_start);
    assert_eq!(s.clinician_cleared_at, Some(now()));
    // A new consult rule (P6) is not covered by the earlier acknowledgement.
    let s = k
        .save_profile(&profile(&[Condition::Pregnant, Condition::KidneyDiseaseOrPotassiumRestriction], &[]), now())
        .unwrap();
    assert!(!s.may_start);
    assert_eq!(s.uncleared_rule_ids, vec!["P6".to_string()]);
    // Nothing to acknowledge without a consult finding.
    let k = app_with(&Profile::default());
    assert!(matches!(k.acknowledge_clinician(None, now()), Err(CoreError::NotAllowed { .. })));
}

#[test]
fn profile_changes_are_kept_with_their_dates() {
    let k = Kefir::open_in_memory().unwrap();
    k.save_profile(&profile(&[Condition::LactoseIntolerance], &[]), ts("2026-11-01T10:00:00Z")).unwrap();
    k.save_profile(&profile(&[], &[MedClass::Antibiotic, MedClass::Antibiotic]), ts("2026-11-02T10:00:00Z")).unwrap();
    let h = k.profile_history().unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].saved_at, ts("2026-11-01T10:00:00Z"));
    assert_eq!(h[1].profile.medicines, vec![MedClass::Antibiotic], "deduplicated");
    assert_eq!(k.profile().unwrap(), h[1].profile);
    let long = Profile { display_name: Some("x".repeat(81)), ..Profile::default() };
    assert_eq!(invalid_field(k.save_profile(&long, now()).unwrap_err()), "display_name");
    assert_eq!(k.profile_history().unwrap().len(), 2);
}

// --- M rules ----------------------------------------------------------------------

#[test]
fn m_rules_fire_on_their_medicine_only() {
    let cases = [
        (MedClass::Antibiotic, "M1", Level::Caution),
        (MedClass::Immunosuppressant, "M2", Level::Consult),
        (MedClass::FluoroquinoloneOrTetracycline, "M3", Level::Caution),
        (MedClass::MaoInhibitor, "M4", Level::Caution),
        (MedClass::MetronidazoleOrDisulfiram, "M5", Level::Consult),
        (MedClass::VitaminKAntagonist, "M6", Level::Caution),
    ];
    for (m, id, level) in cases {
        let s = screen(&profile(&[], &[m]), None, &en());
        if m == MedClass::Immunosuppressant {
            // An immunosuppressant also counts as immunocompromise (P5, issue 13).
            assert_eq!(ids(&s.findings), vec![id, "P5"]);
        } else {
            assert_eq!(ids(&s.findings), vec![id]);
        }
        assert_eq!(s.level, level);
    }
    assert!(screen(&profile(&[], &[MedClass::Other]), None, &en()).findings.is_empty());
}

#[test]
fn m1_spacing_warns_inside_the_window_and_counts_down() {
    let k = app_with(&profile(&[], &[MedClass::Antibiotic]));
    let dose = DoseInput {
        medicine: MedClass::Antibiotic,
        at: ts("2026-11-26T12:00:00Z"),
        interval_hours: Some(8),
        note: None,
        name: None,
    };
    let logged = k.log_dose(&dose, ts("2026-11-26T13:00:00Z"), TZ).unwrap();
    let st = &logged.spacing[0];
    assert_eq!(st.rule_id, "M1");
    assert!(st.blocked_now);
    assert_eq!(st.kefir_allowed_from, ts("2026-11-26T15:00:00Z"));
    assert_eq!(st.minutes_until_allowed, 120);
    assert_eq!(st.next_dose_at, Some(ts("2026-11-26T20:00:00Z")));
    assert_eq!(st.kefir_allowed_until, Some(ts("2026-11-26T17:00:00Z")));
    assert!(st.message.contains("16:00"), "{}", st.message); // 15:00Z in Paris
                                                             // Inside the window: stored, with an M1 warning.
    let w = k.log_drink(&drink("2026-11-26T14:00:00Z", 50, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(ids(&w.warnings).contains(&"M1"));
    assert_eq!(k.list_drinks(ts("2026-11-26T00:00:00Z"), now()).unwrap().len(), 1);
    // Between windows: fine. Before the foreseen next dose: warned.
    let w = k.log_drink(&drink("2026-11-26T16:00:00Z", 50, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(!ids(&w.warnings).contains(&"M1"));
    let w = k.log_drink(&drink("2026-11-26T17:30:00Z", 40, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(ids(&w.warnings).contains(&"M1"));
}

#[test]
fn m3_spacing_is_two_hours_after_and_six_before() {
    let k = app_with(&profile(&[], &[MedClass::FluoroquinoloneOrTetracycline]));
    let dose = DoseInput {
        medicine: MedClass::FluoroquinoloneOrTetracycline,
        at: ts("2026-11-26T08:00:00Z"),
        interval_hours: Some(12),
        note: None,
        name: None,
    };
    k.log_dose(&dose, now(), TZ).unwrap();
    let s = k.spacing(ts("2026-11-26T09:00:00Z"), TZ).unwrap();
    assert_eq!((s[0].rule_id.as_str(), s[0].kefir_allowed_from), ("M3", ts("2026-11-26T10:00:00Z")));
    assert_eq!(s[0].kefir_allowed_until, Some(ts("2026-11-26T14:00:00Z")));
    let w = k.log_drink(&drink("2026-11-26T10:30:00Z", 50, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(!ids(&w.warnings).contains(&"M3"));
    let w = k.log_drink(&drink("2026-11-26T15:00:00Z", 50, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(ids(&w.warnings).contains(&"M3"));
}

#[test]
fn no_spacing_for_medicines_without_a_spacing_rule() {
    let k = app_with(&Profile::default());
    let dose = DoseInput {
        medicine: MedClass::VitaminKAntagonist,
        at: ts("2026-11-26T12:00:00Z"),
        interval_hours: Some(24),
        note: None,
        name: None,
    };
    assert!(k.log_dose(&dose, now(), TZ).unwrap().spacing.is_empty());
    let w = k.log_drink(&drink("2026-11-26T12:30:00Z", 50, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(w.warnings.is_empty(), "{:?}", w.warnings);
}

// --- H rules ----------------------------------------------------------------------

#[test]
fn h1_h2_homemade_hygiene_and_spoiled_batch() {
    let k = app_with(&Profile::default());
    let mut input = drink("2026-11-26T07:00:00Z", 50, KefirKind::MilkCow, Source::Homemade);
    input.batch = Some(Batch { fermentation_hours: Some(24), room_temp_c: Some(21), ..Batch::default() });
    let w = k.log_drink(&input, now(), TZ).unwrap();
    assert_eq!(ids(&w.warnings), vec!["H1"]);
    input.batch = Some(Batch { mould: true, ..Batch::default() });
    let w = k.log_drink(&input, now(), TZ).unwrap();
    assert_eq!(ids(&w.warnings), vec!["H2", "H1"]);
    assert_eq!(w.warnings[0].level, Level::Stop);
    let w = k.log_drink(&drink("2026-11-26T08:00:00Z", 50, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    assert!(!ids(&w.warnings).iter().any(|i| i.starts_with('H')));
}

#[test]
fn h3_commercial_advice_in_screening_when_preferred() {
    let p = Profile { preferred_sources: vec![Source::Commercial], ..Profile::default() };
    assert_eq!(screen_ids(&p), vec!["H3"]);
    let p = Profile { preferred_sources: vec![Source::Homemade], ..Profile::default() };
    assert_eq!(screen_ids(&p), vec!["H1"]);
}

// --- bad input --------------------------------------------------------------------

#[test]
fn bad_input_is_typed_and_stores_nothing() {
    let k = app_with(&Profile::default());
    let bad_day = CheckinInput { day: "2026-11-24".into(), symptoms: vec![], bristol: None, note: None };
    assert_eq!(invalid_field(k.save_checkin(&bad_day, now(), TZ).unwrap_err()), "day");
    let future = CheckinInput { day: "2026-11-27".into(), ..bad_day.clone() };
    assert_eq!(invalid_field(k.save_checkin(&future, now(), TZ).unwrap_err()), "day");
    let not_a_day = CheckinInput { day: "26/11/2026".into(), ..bad_day.clone() };
    assert_eq!(invalid_field(k.save_checkin(&not_a_day, now(), TZ).unwrap_err()), "day");
    for b in [0u8, 8] {
        let c = CheckinInput { day: "2026-11-26".into(), bristol: Some(b), ..bad_day.clone() };
        assert_eq!(invalid_field(k.save_checkin(&c, now(), TZ).unwrap_err()), "bristol");
    }
    let dup = CheckinInput {
        day: "2026-11-26".into(),
        symptoms: vec![e(Symptom::Gas, Severity::Mild), e(Symptom::Gas, Severity::Severe)],
        ..bad_day.clone()
    };
    assert_eq!(invalid_field(k.save_checkin(&dup, now(), TZ).unwrap_err()), "symptoms");
    assert!(k.checkins("2026-11-01", "2026-11-30").unwrap().is_empty());
    let dose = DoseInput {
        medicine: MedClass::Antibiotic,
        at: now().plus(Duration::hours(1)),
        interval_hours: None,
        note: None,
        name: None,
    };
    assert_eq!(invalid_field(k.log_dose(&dose, now(), TZ).unwrap_err()), "at");
    let dose = DoseInput { at: now(), interval_hours: Some(0), ..dose };
    assert_eq!(invalid_field(k.log_dose(&dose, now(), TZ).unwrap_err()), "interval_hours");
    assert!(k.spacing(now(), TZ).unwrap().is_empty());
    let empty = ReactionInput { at: now(), symptoms: vec![e(Symptom::Gas, Severity::None)], note: None };
    assert_eq!(invalid_field(k.report_reaction(&empty, now(), TZ).unwrap_err()), "symptoms");
    let mut batch_on_commercial = drink("2026-11-26T07:00:00Z", 50, KefirKind::MilkCow, Source::Commercial);
    batch_on_commercial.batch = Some(Batch::default());
    assert_eq!(invalid_field(k.log_drink(&batch_on_commercial, now(), TZ).unwrap_err()), "batch");
    let mut hot = drink("2026-11-26T07:00:00Z", 50, KefirKind::MilkCow, Source::Homemade);
    hot.batch = Some(Batch { room_temp_c: Some(60), ..Batch::default() });
    assert_eq!(invalid_field(k.log_drink(&hot, now(), TZ).unwrap_err()), "room_temp_c");
    assert!(k.list_drinks(ts("2026-11-01T00:00:00Z"), now()).unwrap().is_empty());
    // Unknown enum names (CLI, backups) are typed errors naming the field.
    assert_eq!(invalid_field(Condition::parse_field("conditions", "scurvy").unwrap_err()), "conditions");
    assert_eq!(invalid_field(MedClass::parse_field("medicine", "aspirin!").unwrap_err()), "medicine");
    assert_eq!(invalid_field(Severity::parse_field("severity", "extreme").unwrap_err()), "severity");
}

#[test]
fn yesterdays_checkin_can_be_filled_and_edited() {
    let k = app_with(&Profile::default());
    let r = checkin(&k, "2026-11-25", &[e(Symptom::Gas, Severity::Mild)]);
    let r2 = checkin(&k, "2026-11-25", &[]);
    assert_eq!(r.checkin.id, r2.checkin.id);
    assert!(r2.checkin.symptoms.is_empty());
    assert_eq!(k.checkins("2026-11-25", "2026-11-26").unwrap().len(), 1);
}

// --- properties -------------------------------------------------------------------

fn arb_profile() -> impl Strategy<Value = Profile> {
    (
        proptest::sample::subsequence(Condition::ALL.to_vec(), 0..=Condition::ALL.len()),
        proptest::sample::subsequence(MedClass::ALL.to_vec(), 0..=MedClass::ALL.len()),
        proptest::sample::select(AgeBand::ALL.to_vec()),
    )
        .prop_map(|(conditions, medicines, age_band)| Profile {
            conditions,
            medicines,
            age_band,
            ..Profile::default()
        })
}

fn arb_entries() -> impl Strategy<Value = Vec<SymptomEntry>> {
    proptest::sample::subsequence(Symptom::ALL.to_vec(), 0..=6).prop_flat_map(|symptoms| {
        let n = symptoms.len();
        proptest::collection::vec(proptest::sample::select(Severity::ALL.to_vec()), n).prop_map(move |sevs| {
            symptoms.iter().zip(sevs).map(|(s, v)| SymptomEntry { symptom: *s, severity: v }).collect()
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_emergency_finding_always_wins(p in arb_profile(), entries in arb_entries(), prev in arb_entries(),
                                        recent in any::<bool>(), milk in any::<bool>()) {
        let cx = SymptomContext { entries: &entries, previous_day: Some(&prev), skin_signs_recently: recent,
                                  drank_milk_kefir: milk, profile: &p };
        let findings = symptom_findings(&cx, &en());
        let a = assess(findings.clone(), &entries, &en());
        if findings.iter().any(|f| f.level == Level::Emergency) {
            prop_assert_eq!(a.level, Level::Emergency);
            prop_assert!(a.emergency.is_some());
        } else {
            prop_assert!(a.emergency.is_none());
        }
        prop_assert_eq!(a.level, overall(&findings));
    }

    #[test]
    fn adding_a_condition_or_medicine_never_loosens(p in arb_profile(),
            extra_c in proptest::sample::select(Condition::ALL.to_vec()),
            extra_m in proptest::sample::select(MedClass::ALL.to_vec())) {
        let before = screen(&p, None, &en());
        for q in [
            Profile { conditions: [p.conditions.clone(), vec![extra_c]].concat(), ..p.clone() },
            Profile { medicines: [p.medicines.clone(), vec![extra_m]].concat(), ..p.clone() },
        ] {
            let after = screen(&q, None, &en());
            prop_assert!(after.level >= before.level);
            let (a, b) = (&after.constraints, &before.constraints);
            prop_assert!(a.max_ml_per_day <= b.max_ml_per_day);
            prop_assert!(a.max_start_ml <= b.max_start_ml);
            prop_assert!(a.allowed_kinds.iter().all(|k| b.allowed_kinds.contains(k)));
            prop_assert!(a.allowed_sources.iter().all(|s| b.allowed_sources.contains(s)));
            prop_assert!(b.spacing.iter().all(|s| a.spacing.contains(s)));
            prop_assert!(!before.needs_clinician || after.needs_clinician);
        }
    }

    #[test]
    fn the_cap_never_exceeds_200_nor_a_stricter_rule(p in arb_profile()) {
        let c = constraints_for(&p);
        prop_assert!(c.max_ml_per_day <= DEFAULT_CAP_ML);
        prop_assert!(c.max_start_ml <= c.max_ml_per_day);
        for r in RULES.iter().filter(|r| r.applies_to_profile(&p)) {
            for k in r.constraints {
                if let kefir_core::rules::Constraint::CapMl(ml) = k {
                    prop_assert!(c.max_ml_per_day <= *ml, "{} caps at {}", r.id, ml);
                }
            }
        }
    }
}

/// Breaker-13 newcomer notes: severe abdominal pain alone is at least
/// consult (X1, product default); infants get lower caps (P7, product default).
#[test]
fn severe_abdominal_pain_is_consult_and_infants_get_lower_caps() {
    let k = Kefir::open_in_memory().unwrap();
    let r = k
        .report_reaction(
            &ReactionInput {
                at: now(),
                symptoms: vec![SymptomEntry { symptom: Symptom::AbdominalPain, severity: Severity::Severe }],
                note: None,
            },
            now(),
            "UTC",
        )
        .unwrap();
    assert_eq!(r.assessment.level, Level::Consult);
    assert!(r.assessment.findings.iter().any(|f| f.rule_id == "X1"), "{:?}", r.assessment.findings);
    let infant = Profile { age_band: AgeBand::InfantUnder12Months, ..Profile::default() };
    let c = constraints_for(&infant);
    assert_eq!((c.max_ml_per_day, c.max_start_ml), (50, 25));
    assert!(c.cap_rule_ids.contains(&"P7".to_string()) && c.start_rule_ids.contains(&"P7".to_string()));
    assert_eq!(screen(&infant, None, &en()).level, Level::Consult);
}

// --- in the caller's language (issue 15) ------------------------------------------

fn loc(tag: &str) -> kefir_core::l10n::Locale {
    kefir_core::l10n::Locale::parse(tag).unwrap()
}

#[test]
fn a_lactose_intolerant_screening_speaks_german_and_russian() {
    let p = profile(&[Condition::LactoseIntolerance], &[]);
    let en = screen(&p, None, &en());
    let de = screen(&p, None, &loc("de-DE"));
    let ru = screen(&p, None, &loc("ru"));
    // Same decision in every language: only the words differ.
    assert_eq!((de.level, de.constraints.clone()), (en.level, en.constraints.clone()));
    assert_eq!(ids(&de.findings), ids(&en.findings));
    let p2 = |s: &kefir_core::Screening| s.findings.iter().find(|f| f.rule_id == "P2").unwrap().clone();
    assert_eq!(p2(&en).title, "Lactose intolerance");
    assert_eq!(p2(&de).title, "Laktoseintoleranz");
    assert!(p2(&de).advice.contains("Beginnen Sie") && p2(&de).advice.contains("50 ml"), "{}", p2(&de).advice);
    assert_eq!(p2(&ru).title, "Непереносимость лактозы");
    assert!(p2(&ru).advice.contains("50 мл"), "{}", p2(&ru).advice);
    // Headline, limits and disclaimer follow the locale too.
    assert_eq!(en.headline, "You can start your plan, within your limits.");
    assert!(de.headline.contains("Sie können Ihren Plan beginnen"), "{}", de.headline);
    assert!(ru.headline.contains("Вы можете начать план"), "{}", ru.headline);
    assert_eq!(en.limits, ["At most 200 ml a day (D2).", "Start with at most 50 ml a day (P2)."]);
    assert_eq!(de.limits, ["Höchstens 200 ml pro Tag (D2).", "Beginnen Sie mit höchstens 50 ml pro Tag (P2)."]);
    assert!(ru.limits[1].contains("не более чем с 50 мл") && ru.limits[1].contains("(P2)"), "{:?}", ru.limits);
    assert_ne!(de.disclaimer, en.disclaimer);
}

#[test]
fn screening_limits_name_what_rules_out_kinds_sources_and_spacing() {
    let p = profile(&[Condition::MilkProteinAllergy, Condition::Pregnant], &[MedClass::Antibiotic]);
    let s = screen(&p, None, &en());
    assert!(s.limits.contains(&"No milk kefir: water or plant-based kefir only (P1).".to_string()), "{:?}", s.limits);
    assert!(s.limits.contains(&"No homemade kefir (P4).".to_string()), "{:?}", s.limits);
    assert!(s.limits.contains(&"Kefir 3 h after each antibiotic dose and 3 h before the next (M1).".to_string()));
    assert!(s.headline.contains("Talk to a clinician first") && s.headline.contains("P4"), "{}", s.headline);
    let de = screen(&p, None, &loc("de"));
    assert!(de.limits.iter().any(|l| l.starts_with("Kein Milchkefir")), "{:?}", de.limits);
    assert!(de.limits.iter().any(|l| l.contains("Antibiotika-Dosis")), "{:?}", de.limits);
    let ru = screen(&p, None, &loc("ru"));
    assert!(ru.limits.iter().any(|l| l.contains("дозы антибиотика")), "{:?}", ru.limits);
    assert!(ru.headline.contains("врач"), "{}", ru.headline);
}

#[test]
fn a_red_flag_check_in_gives_emergency_steps_in_german_and_russian() {
    let swelling = [e(Symptom::LipFaceTongueSwelling, Severity::Moderate), e(Symptom::Bloating, Severity::Mild)];
    let k = app_with(&Profile::default());
    k.set_locale(loc("de-DE"));
    let r = checkin(&k, "2026-11-26", &swelling);
    let a = &r.assessment;
    assert_eq!(a.level, Level::Emergency);
    assert_eq!(a.headline, "Hören Sie sofort mit Kefir auf und rufen Sie den Notruf.");
    let em = a.emergency.as_ref().expect("emergency screen");
    assert_eq!(em.title, "Mögliche schwere allergische Reaktion");
    assert_eq!(em.steps[0], "Trinken Sie sofort keinen Kefir mehr.");
    // A German region: the number is known, named, and offered as data.
    assert_eq!(em.call_numbers, ["112"]);
    assert_eq!(em.steps[1], "Rufen Sie jetzt den Notruf: 112.");
    assert!(em.steps.iter().any(|s| s.contains("Adrenalin-Autoinjektor")), "{:?}", em.steps);
    // The lower finding beside the red flag says it is stopped, in German.
    let s1 = a.findings.iter().find(|f| f.rule_id == "S1").expect("S1 beside S5");
    assert!(s1.advice.starts_with("Notiert (Leichte Verdauungsbeschwerden)"), "{}", s1.advice);
    // What is stored stays language-neutral.
    assert_eq!(r.checkin.rule_ids, vec!["S1".to_string(), "S5".to_string()]);

    let k = app_with(&Profile::default());
    k.set_locale(loc("ru-RU"));
    let input = ReactionInput {
        at: now().minus(Duration::minutes(5)),
        symptoms: vec![e(Symptom::ItchyThroat, Severity::Mild)],
        note: None,
    };
    let r = k.report_reaction(&input, now(), TZ).unwrap();
    let em = r.assessment.emergency.expect("emergency screen");
    assert_eq!(r.assessment.headline, "Немедленно прекратите пить кефир и вызовите скорую помощь.");
    assert_eq!(em.title, "Возможная тяжёлая аллергическая реакция");
    assert_eq!(em.steps[0], "Немедленно прекратите пить кефир.");
    assert_eq!(em.steps[1], "Немедленно позвоните по номеру экстренной помощи: 112.");
    assert_eq!(em.call_numbers, ["112"]);
    assert!(r.assessment.findings[0].advice.contains("анафилакси"), "{}", r.assessment.findings[0].advice);
}

#[test]
fn emergency_numbers_come_from_the_region_or_default_to_112() {
    use kefir_core::checkin::emergency_numbers;
    assert_eq!(emergency_numbers(Some("US")), (vec!["911".to_string(), "112".to_string()], true));
    assert_eq!(emergency_numbers(Some("GB")), (vec!["999".to_string(), "112".to_string()], true));
    assert_eq!(emergency_numbers(Some("AU")).0[0], "000");
    assert_eq!(emergency_numbers(Some("at")), (vec!["112".to_string()], true));
    assert_eq!(emergency_numbers(Some("JP")), (vec!["112".to_string()], false));
    assert_eq!(emergency_numbers(None), (vec!["112".to_string()], false));
    // An S7 infection screen in en-US offers 911; without a region, 112 and the words "local emergency number".
    let p = profile(&[Condition::Chemotherapy], &[]);
    let fever = [e(Symptom::FeverChills, Severity::Mild)];
    let k = app_with(&p);
    k.set_locale(loc("en-US"));
    let em = checkin(&k, "2026-11-26", &fever).assessment.emergency.expect("S7");
    assert_eq!(
        (em.title.as_str(), em.call_numbers.clone()),
        ("Possible serious infection", vec!["911".to_string(), "112".to_string()])
    );
    let k = app_with(&p);
    let r = checkin(&k, "2026-11-26", &fever);
    let em = r.assessment.emergency.expect("S7");
    assert_eq!(em.call_numbers, ["112"]);
    assert!(em.steps.iter().any(|s| s.contains("local emergency number")), "{:?}", em.steps);
}

#[test]
fn drink_warnings_speak_the_callers_language() {
    let p = profile(&[Condition::MilkProteinAllergy], &[]);
    let milk = drink("2026-11-26T07:00:00Z", 250, KefirKind::MilkCow, Source::Homemade);
    let k = app_with(&p);
    let w = k.log_drink(&milk, now(), TZ).unwrap().warnings;
    let p1 = w.iter().find(|f| f.rule_id == "P1").expect("P1");
    assert!(p1.advice.starts_with("Your profile rules out homemade cow's milk kefir. Milk kefir contains casein"));
    let d3 = w.iter().find(|f| f.rule_id == "D3").expect("D3");
    assert!(d3.advice.starts_with("250 ml today; your limit is 200 ml (D2)."), "{}", d3.advice);

    let k = app_with(&p);
    k.set_locale(loc("de-AT"));
    let w = k.log_drink(&milk, now(), TZ).unwrap().warnings;
    let p1 = w.iter().find(|f| f.rule_id == "P1").expect("P1");
    assert_eq!(p1.title, "Milcheiweißallergie");
    assert!(p1.advice.starts_with("Ihr Profil schließt selbstgemachten Kuhmilchkefir aus."), "{}", p1.advice);
    let d3 = w.iter().find(|f| f.rule_id == "D3").expect("D3");
    assert!(d3.advice.starts_with("Heute 250 ml; Ihre Grenze ist 200 ml (D2)."), "{}", d3.advice);
    assert!(w.iter().any(|f| f.rule_id == "H1" && f.advice.contains("Sterilisieren")), "{w:?}");

    let k = app_with(&p);
    k.set_locale(loc("ru"));
    let w = k.log_drink(&milk, now(), TZ).unwrap().warnings;
    let p1 = w.iter().find(|f| f.rule_id == "P1").expect("P1");
    assert!(p1.advice.starts_with("Ваш профиль исключает домашний кефир из коровьего молока."), "{}", p1.advice);
    let d3 = w.iter().find(|f| f.rule_id == "D3").expect("D3");
    assert!(d3.advice.starts_with("Сегодня 250 мл; ваш предел — 200 мл (D2)."), "{}", d3.advice);
}

#[test]
fn spacing_texts_speak_the_callers_language() {
    let k = app_with(&profile(&[], &[MedClass::Antibiotic]));
    // Kefir at 17:00 UTC, then an antibiotic dose at 17:30 UTC (18:30 in Paris).
    k.log_drink(&drink("2026-11-26T17:00:00Z", 100, KefirKind::MilkCow, Source::Commercial), now(), TZ).unwrap();
    let dose = DoseInput {
        medicine: MedClass::Antibiotic,
        at: ts("2026-11-26T17:30:00Z"),
        interval_hours: Some(8),
        note: None,
        name: None,
    };
    k.set_locale(loc("de"));
    let logged = k.log_dose(&dose, now(), TZ).unwrap();
    let w = &logged.warnings[0];
    assert!(
        w.advice.starts_with(
            "Ihre 100 ml Kefir um 2026-11-26 18:00 lagen 30 min vor dieser Dosis des Antibiotikums; M1 verlangt"
        ),
        "{}",
        w.advice
    );
    let s = &logged.spacing[0];
    assert!(s.blocked_now);
    // (The medicine's label is the vocabulary's, in the same locale.)
    let label = MedClass::Antibiotic.label(&loc("de"));
    assert_eq!(s.message, format!("{label}: Kefir wieder erlaubt um 21:30 (M1)"));
    // A drink inside the window, in Russian.
    k.set_locale(loc("ru"));
    let w = k.log_drink(&drink("2026-11-26T17:45:00Z", 50, KefirKind::Water, Source::Commercial), now(), TZ).unwrap();
    let m1 = w.warnings.iter().find(|f| f.rule_id == "M1").expect("M1");
    assert!(m1.advice.starts_with("Этот напиток пришёлся на интервал антибиотика (15:30 - 21:30)."), "{}", m1.advice);
    assert!(k.spacing(now(), TZ).unwrap()[0].message.contains("кефир снова можно в 21:30"));
    // The stored breach renders in any language: language-neutral Msg.
    use kefir_core::meds::{breach_finding, breach_msg, BreachDetail};
    let sr = kefir_core::screening::spacing_rule_for(MedClass::Antibiotic).unwrap();
    let m = breach_msg(BreachDetail {
        ml: 100,
        drink_at: "2026-11-26 20:00".into(),
        minutes: 65,
        kefir_first: false,
        rule: &sr,
    });
    let json = serde_json::to_string(&m).unwrap();
    assert!(!json.contains("after it") && json.contains("\"antibiotic\""), "{json}");
    let back: kefir_core::l10n::Msg = serde_json::from_str(&json).unwrap();
    assert!(breach_finding("M1", &back, &en())
        .advice
        .starts_with("Your 100 ml of kefir at 2026-11-26 20:00 was 1 h 05 min after this antibiotic dose; M1 asks"));
    assert!(breach_finding("M1", &back, &loc("ru"))
        .advice
        .starts_with("Ваши 100 мл кефира в 2026-11-26 20:00 были через 1 ч 05 мин после этой дозы антибиотика;"));
}

/// Every message of the rules' catalogue files exists in English, German and
/// Russian with the same variables, and every rule has its title and advice.
#[test]
fn rules_catalogue_files_match_across_languages() {
    use std::collections::{BTreeMap, BTreeSet};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
    let parse = |lang: &str| -> BTreeMap<String, BTreeSet<String>> {
        let mut out = BTreeMap::new();
        for file in ["rules", "screening", "checkin", "intake", "meds"] {
            let text = std::fs::read_to_string(format!("{dir}/{lang}/{file}.ftl")).unwrap();
            let mut current: Option<String> = None;
            for line in text.lines() {
                if line.is_empty() || line.starts_with('#') {
                    current = None;
                    continue;
                }
                if let Some((id, _)) = line.split_once(" = ").filter(|_| !line.starts_with([' ', '#'])) {
                    current = Some(id.to_string());
                    out.insert(id.to_string(), BTreeSet::new());
                }
                if let Some(id) = &current {
                    let vars = out.get_mut(id).unwrap();
                    for v in line.split('$').skip(1) {
                        vars.insert(v.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>());
                    }
                }
            }
        }
        out
    };
    let en = parse("en");
    for r in RULES {
        for part in ["title", "advice"] {
            assert!(en.contains_key(&format!("rule-{}-{part}", r.id)), "{} {part}", r.id);
        }
    }
    for lang in ["de", "ru"] {
        assert_eq!(parse(lang), en, "{lang}: ids or variables differ from English");
        for r in RULES {
            assert_ne!(r.title(&loc(lang)), r.title(&en_loc()), "{lang}: {} falls back to English", r.id);
        }
    }
}

fn en_loc() -> kefir_core::l10n::Locale {
    en()
}
