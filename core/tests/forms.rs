//! Screen-ready forms: labels in the caller's language, the defaults the
//! shells no longer decide, and "log today's amount".

use kefir_core::forms::{self, QuickLogOutcome};
use kefir_core::l10n::Locale;
use kefir_core::report::pdf::Paper;
use kefir_core::*;

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}
fn loc(tag: &str) -> Locale {
    Locale::parse(tag).unwrap()
}
const TZ: &str = "Europe/Berlin";

#[test]
fn screening_form_lists_every_code_with_label_and_help_in_each_language() {
    for tag in ["en", "de", "ru"] {
        let f = forms::screening_form(&loc(tag));
        let codes: Vec<Condition> = f.conditions.iter().map(|c| c.code).collect();
        assert_eq!(codes, Condition::ALL, "{tag}");
        assert_eq!(f.medicines.len(), MedClass::ALL.len());
        assert_eq!(f.age_bands.len(), AgeBand::ALL.len());
        for c in &f.conditions {
            assert!(!c.label.is_empty() && c.help.len() > c.label.len() / 2, "{tag}: {c:?}");
            assert_ne!(c.label, c.help);
        }
        let labels: std::collections::BTreeSet<&str> = f.conditions.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels.len(), f.conditions.len(), "{tag}: two conditions share a label");
    }
    let label = |tag: &str, c: Condition| {
        forms::screening_form(&loc(tag)).conditions.into_iter().find(|o| o.code == c).unwrap().label
    };
    assert_eq!(label("en", Condition::LactoseIntolerance), "Lactose intolerance");
    assert_eq!(label("de", Condition::LactoseIntolerance), "Laktoseintoleranz");
    assert_eq!(label("ru", Condition::LactoseIntolerance), "Непереносимость лактозы");
    let de = forms::screening_form(&loc("de-AT"));
    assert!(de.intro.contains("Sie"), "{}", de.intro);
    let kidney = de.conditions.iter().find(|c| c.code == Condition::KidneyDiseaseOrPotassiumRestriction).unwrap();
    assert!(kidney.help.contains("Kalium"), "{}", kidney.help);
    let ru = forms::screening_form(&loc("ru-RU"));
    let mao = ru.medicines.iter().find(|m| m.code == MedClass::MaoInhibitor).unwrap();
    assert!(mao.label.contains("МАО") && mao.help.contains("депресси"), "{mao:?}");
}

#[test]
fn checkin_form_has_symptoms_severities_and_bristol_in_each_language() {
    let en = forms::checkin_form(&loc("en"));
    assert_eq!(en.symptoms.len(), Symptom::ALL.len());
    assert_eq!(en.severities.iter().map(|s| s.code).collect::<Vec<_>>(), Severity::ALL);
    assert_eq!(en.default_severity, Severity::None);
    assert_eq!(en.bristol_types.iter().map(|b| b.bristol_type).collect::<Vec<_>>(), (1..=7).collect::<Vec<u8>>());
    assert_eq!(en.bristol_types[3].label, "Type 4");
    assert!(en.bristol_types[3].description.contains("sausage"));
    let de = forms::checkin_form(&loc("de"));
    assert_eq!(de.bristol_types[3].label, "Typ 4");
    assert!(de.bristol_types[6].description.contains("flüssig"), "{:?}", de.bristol_types[6]);
    assert_eq!(de.severities[3].label, "Stark");
    assert!(de.reaction_needs_symptom.contains("Symptom"));
    let ru = forms::checkin_form(&loc("ru"));
    assert_eq!(ru.bristol_types[0].label, "Тип 1");
    let swelling = ru.symptoms.iter().find(|s| s.code == Symptom::LipFaceTongueSwelling).unwrap();
    assert!(swelling.label.contains("Отёк"), "{swelling:?}");
    assert!(ru.reaction_needs_symptom.contains("симптом"));
}

#[test]
fn settings_defaults_follow_the_region_and_zone() {
    let us = forms::settings_defaults("America/New_York", &loc("en-US")).unwrap();
    assert_eq!(us.paper, Paper::Letter);
    assert_eq!(us.reminders.time_zone, "America/New_York");
    assert_eq!(us.reminders.checkin_times, vec!["20:00".to_string()]);
    assert_eq!(us.reminders.drink_reminder.as_deref(), Some("08:30"));
    let de = forms::settings_defaults(TZ, &loc("de-DE")).unwrap();
    assert_eq!((de.paper, de.report_language.as_str()), (Paper::A4, "de"));
    let names: Vec<(&str, &str, &str)> =
        de.report_languages.iter().map(|l| (l.code.as_str(), l.name.as_str(), l.name_in_locale.as_str())).collect();
    assert_eq!(names, [("en", "English", "Englisch"), ("de", "Deutsch", "Deutsch"), ("ru", "Русский", "Russisch")]);
    assert_eq!(forms::settings_defaults(TZ, &loc("en-GB")).unwrap().paper, Paper::A4);
    assert_eq!(forms::settings_defaults(TZ, &loc("es-MX")).unwrap().paper, Paper::Letter);
    let e = forms::settings_defaults("Mars/Olympus", &loc("en")).unwrap_err();
    assert!(e.to_string().contains("time_zone") || e.to_string().contains("zone"), "{e}");
    let ru = forms::languages(&loc("ru"));
    assert_eq!(ru[1].name_in_locale, "Немецкий");
}

#[test]
fn drink_form_preselects_last_then_preference_then_cow_milk() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-26T09:00:00Z");
    let f = app.drink_form(now, TZ).unwrap();
    assert_eq!((f.kind, f.source), (KefirKind::MilkCow, Source::Commercial));
    assert_eq!(f.quick_amounts_ml, vec![50, 100, 150, 200], "no plan: the common steps");
    assert_eq!((f.min_ml, f.max_ml), (1, 1000));
    let batch: Vec<Source> = f.sources.iter().filter(|s| s.batch_fields).map(|s| s.code).collect();
    assert_eq!(batch, vec![Source::Homemade]);

    let p = Profile { preferred_kinds: vec![KefirKind::MilkGoat], ..Profile::default() };
    app.save_profile(&p, now).unwrap();
    assert_eq!(app.drink_form(now, TZ).unwrap().kind, KefirKind::MilkGoat);

    let drink = DrinkInput {
        at: ts("2026-11-26T08:00:00Z"),
        ml: 60,
        kind: KefirKind::Water,
        source: Source::Homemade,
        note: None,
        batch: None,
    };
    app.log_drink(&drink, now, TZ).unwrap();
    let f = app.drink_form(now, TZ).unwrap();
    assert_eq!((f.kind, f.source), (KefirKind::Water, Source::Homemade), "the last drink's");

    // A milk-protein allergy (P1) rules out milk kefir: the preference gives way.
    let p = Profile {
        conditions: vec![Condition::MilkProteinAllergy],
        preferred_kinds: vec![KefirKind::MilkGoat],
        ..Profile::default()
    };
    let app = Kefir::open_in_memory().unwrap();
    app.save_profile(&p, now).unwrap();
    app.set_locale(loc("de"));
    let f = app.drink_form(now, TZ).unwrap();
    assert_eq!(f.kind, KefirKind::Water);
    let goat = f.kinds.iter().find(|k| k.code == KefirKind::MilkGoat).unwrap();
    assert!(!goat.allowed);
    assert_eq!(goat.label, "Kefir aus Ziegenmilch");
}

#[test]
fn log_planned_amount_logs_what_is_left_once() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-26T09:00:00Z");
    let q = app.log_planned_amount(now, TZ).unwrap();
    assert_eq!((q.outcome, q.ml), (QuickLogOutcome::NeedsForm, None), "no plan");

    app.start_plan(&PlanSettings::default(), ts("2026-11-25T09:00:00Z"), TZ).unwrap();
    let t = app.today(now, TZ).unwrap();
    let planned = t.remaining_ml.unwrap();
    assert!(planned > 0);
    let f = app.drink_form(now, TZ).unwrap();
    assert!(f.quick_amounts_ml.contains(&planned), "{:?}", f.quick_amounts_ml);

    app.set_locale(loc("ru"));
    let q = app.log_planned_amount(now, TZ).unwrap();
    assert_eq!((q.outcome, q.ml), (QuickLogOutcome::Logged, Some(planned)));
    let d = &q.logged.as_ref().unwrap().drink;
    assert_eq!((d.ml, d.kind, d.source), (planned, KefirKind::MilkCow, Source::Commercial));
    assert!(q.message.contains("Записано") && q.message.contains("коровьего"), "{}", q.message);
    assert_eq!(app.today(now, TZ).unwrap().drunk_ml, planned);

    app.set_locale(loc("de"));
    let q = app.log_planned_amount(now, TZ).unwrap();
    assert_eq!(q.outcome, QuickLogOutcome::NothingLeft);
    assert!(q.logged.is_none() && q.message.contains("heute"), "{}", q.message);
    assert_eq!(app.today(now, TZ).unwrap().drunk_ml, planned, "a second tap logs nothing");

    // Homemade kefir: its batch is described each time, so the form opens.
    let later = ts("2026-11-27T09:00:00Z");
    let input =
        DrinkInput { at: later, ml: 10, kind: KefirKind::MilkCow, source: Source::Homemade, note: None, batch: None };
    app.log_drink(&input, later, TZ).unwrap();
    assert_eq!(app.drink_form(later, TZ).unwrap().source, Source::Homemade, "a drink logged at now is the last");
    let q = app.log_planned_amount(later, TZ).unwrap();
    assert_eq!(q.outcome, QuickLogOutcome::NeedsForm, "{q:?}");
    assert!(q.ml.is_some_and(|m| m > 0));
}
