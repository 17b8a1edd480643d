//! The doctor summary as a FHIR R4 (4.0.1) Bundle of type `collection`.
//!
//! Contents, all referring to one minimal Patient:
//!
//! * **Patient**: `name.text` only when the user gave a display name, the
//!   age band (if given) in a local extension; no identifiers.
//! * **Observation, kefir intake**: one per local day with intake. FHIR R4
//!   has no intake resource (R5's NutritionIntake is not in R4), so it is an
//!   Observation (category `social-history`) with a local code, mapped to
//!   EFSA FoodEx2 `A02NV` "Kefir", and the day's volume in UCUM `mL`.
//!   `effectiveDateTime` is the local date.
//! * **Observation, symptom**: one per reported symptom, shaped as the HL7
//!   FHIR Symptoms IG's SymptomObservation: code LOINC 75325-1 "Symptom",
//!   the SNOMED CT finding (when known, else text only) as the value, the
//!   severity as a component (LOINC 64750-3 with a SNOMED CT severity
//!   qualifier), the patient as performer, and the time with its offset. The
//!   IG is a ballot-stage guide, so the profile is followed but not claimed
//!   in `meta.profile`.
//! * **Observation, Bristol stool form**: one per check-in day that recorded
//!   it, SNOMED CT 443172007 with `valueInteger` 1-7.
//!   A check-in describes a whole local day, so its symptoms are dated to
//!   that day (`effectiveDateTime` = the local date) with `issued` = when it
//!   was typed; a reaction report carries its own time.
//! * **AllergyIntolerance** for allergy items (e.g. cow's milk protein,
//!   SNOMED CT 782555009), and one per suspected allergic reaction (S5, S6):
//!   substance kefir, `reaction` with its manifestations, severity and onset;
//!   **Condition** (problem list) for other profile conditions except
//!   pregnancy, breastfeeding and avoiding alcohol, which are status
//!   Observations; **MedicationStatement** per logged course (status
//!   `completed` or `active`, `effectivePeriod`, `dosage`) and per profile
//!   medicine without a course. All patient-reported: `unconfirmed`.
//! * **Observation, plan event** (local code `plan-event`): the plan's
//!   history, one per event, and **Observation, limit breach** (local code
//!   `limit-breach`): drinks against the screening (P/M rules, D3, M1–M3).
//! * Notes the user typed go in `note` of the resource they belong to (the
//!   day's intake, the check-in's symptoms or Bristol score, the reaction,
//!   the course); a note with no such resource is an Observation with local
//!   code `diary-note`. See docs/fhir.md.
//!
//! Every entry's `fullUrl` is a `urn:uuid:` with a name-based (version 5)
//! UUID derived from the summary's identity (generation time, range, name)
//! and the entry's content key, so the same summary always gives the same
//! bundle, byte for byte, and different summaries do not collide.
//!
//! Language: every free `text`, note and narrative is written in the
//! caller's locale (`f-*` and `r-*` messages of `report.ftl`); the `display`
//! of a coding stays the code system's own (English) display, as FHIR
//! validators check it (SNOMED CT, LOINC, UCUM, HL7 code systems, and this
//! app's local codes). See docs/fhir.md.
//!
//! Times carry the offset of the summary's time zone at that instant; dates
//! (intake, Bristol) are the local dates of the summary.

use serde_json::{json, Value};

use crate::error::{CoreError, Result};
use crate::l10n::Locale;
use crate::report::pdf::{short_date, source_word};
use crate::report::{CodedItem, MedCourse, NoteRow, RedFlagRow, Summary, SymptomReport};
use crate::time::{Timestamp, Zone};
use crate::vocab::Labelled;
use crate::vocab::{Severity, Symptom};

/// Local code system for app concepts that have no standard code.
pub const LOCAL_CODE_SYSTEM: &str = "urn:kefir-app:code";
/// Local code for a day's kefir intake.
pub const INTAKE_CODE: &str = "kefir-intake";
/// Extension carrying the profile's age band on the Patient.
pub const AGE_BAND_EXTENSION: &str = "urn:kefir-app:fhir:extension:age-band";

/// Code system URI used for EFSA FoodEx2 codes.
///
/// Why this URI: FoodEx2 (EFSA's food classification and description
/// system, published as the "MTX" catalogue) has no entry in HL7
/// Terminology (THO) and EFSA defines no canonical code-system URI for it.
/// FHIR asks for a URI defined by the code system's publisher, else one that
/// identifies the code system unambiguously and stays stable. We use the DOI
/// of EFSA's defining publication, "The food classification and description
/// system FoodEx2 (revision 2)", EFSA supporting publication 2015:EN-804: a
/// DOI is persistent, resolvable and issued by the publisher, and it names
/// the revision in which A02NV "Kefir" is defined. If THO or EFSA ever
/// publish an official URI, switch to it here (receivers match on this
/// constant only).
pub const FOODEX2_SYSTEM: &str = "https://doi.org/10.2903/sp.efsa.2015.EN-804";
/// FoodEx2 base term for kefir.
pub const FOODEX2_KEFIR: &str = "A02NV";

pub const SNOMED: &str = "http://snomed.info/sct";
pub const LOINC: &str = "http://loinc.org";
pub const UCUM: &str = "http://unitsofmeasure.org";
const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
/// The Symptoms IG's (ballot-stage) code system for its `symptom` category.
const SYMPTOM_CATEGORY_SYSTEM: &str = "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary";
/// LOINC 75325-1 "Symptom": the code of every symptom Observation.
pub const LOINC_SYMPTOM: &str = "75325-1";
/// LOINC 64750-3 "Severity of symptoms": the severity component's code.
pub const LOINC_SEVERITY: &str = "64750-3";
/// SNOMED CT 443172007 "Bristol stool form score".
pub const SNOMED_BRISTOL: &str = "443172007";

/// RFC 4122 name-based UUID namespace of this app's FHIR output:
/// uuid5(NAMESPACE_URL, "urn:kefir-app:fhir") = 04e22e8d-856c-5339-aebe-aee9ec6159d4.
const UUID_NAMESPACE: [u8; 16] =
    [0x04, 0xe2, 0x2e, 0x8d, 0x85, 0x6c, 0x53, 0x39, 0xae, 0xbe, 0xae, 0xe9, 0xec, 0x61, 0x59, 0xd4];

/// The summary as a FHIR R4 `collection` Bundle.
///
/// An unknown `time_zone` (which the store never writes) falls back to UTC
/// offsets: the instants stay correct, only their written offset changes.
pub fn bundle(summary: &Summary, loc: &Locale) -> Value {
    let zone = Zone::parse(&summary.time_zone).unwrap_or_else(|_| Zone::utc());
    Builder::new(summary, zone, loc).build()
}

/// [`bundle`] as pretty-printed JSON. Object keys come out in alphabetical
/// order (serde_json without `preserve_order`); FHIR JSON does not depend on
/// property order.
pub fn to_string(summary: &Summary, loc: &Locale) -> Result<String> {
    serde_json::to_string_pretty(&bundle(summary, loc)).map_err(|e| CoreError::Internal(format!("FHIR JSON: {e}")))
}

struct Builder<'a> {
    s: &'a Summary,
    loc: &'a Locale,
    zone: Zone,
    seed: String,
    patient_url: String,
    entries: Vec<Value>,
    /// Which of the summary's notes went into some resource's `note`.
    used_notes: Vec<bool>,
}

impl<'a> Builder<'a> {
    fn new(s: &'a Summary, zone: Zone, loc: &'a Locale) -> Self {
        let seed = format!(
            "{}|{}|{}|{}",
            s.generated_at.millis(),
            s.from_date,
            s.to_date,
            s.display_name.as_deref().unwrap_or("")
        );
        // The database's stable random id: the same patient in every export.
        let patient_url = format!("urn:uuid:{}", s.patient_id);
        Builder { s, loc, zone, seed, patient_url, entries: Vec::new(), used_notes: vec![false; s.notes.len()] }
    }

    fn time(&self, t: Timestamp) -> String {
        t.rfc3339_in(&self.zone)
    }

    fn patient_ref(&self) -> Value {
        json!({ "reference": self.patient_url })
    }

    fn t(&self, id: &str) -> String {
        self.loc.t(id)
    }

    /// A final Observation about the patient with one local code: its
    /// `display` (the local code system's, English) and a `text` in the
    /// report's language.
    fn local_observation(&self, code: &str, display: &str, text: String) -> Value {
        json!({
            "resourceType": "Observation",
            "status": "final",
            "code": { "coding": [{ "system": LOCAL_CODE_SYSTEM, "code": code, "display": display }], "text": text },
            "subject": self.patient_ref()
        })
    }

    /// "reason (rules S5, S6)" or the reason alone.
    fn rule_note(&self, reason: &str, rule_ids: &[String]) -> String {
        if rule_ids.is_empty() {
            reason.to_string()
        } else {
            self.loc.tr("f-rules", &[("reason", reason.into()), ("rules", rule_ids.join(", ").into())])
        }
    }

    fn decision_text(&self, d: crate::plan::DecisionKind) -> String {
        self.t(&format!("r-ev-{}", d.as_str()))
    }

    /// Add an entry whose fullUrl and id derive from `key`. Every
    /// Observation gets the patient as performer (all data are
    /// patient-reported) and every resource a generated narrative (dom-6).
    fn push(&mut self, key: &str, mut resource: Value) {
        let url = if key == "patient" { self.patient_url.clone() } else { urn_uuid(&self.seed, key) };
        if resource["resourceType"] == "Observation" && resource.get("performer").is_none() {
            resource["performer"] = json!([self.patient_ref()]);
        }
        resource["text"] = json!({
            "status": "generated",
            "div": format!("<div xmlns=\"http://www.w3.org/1999/xhtml\">{}</div>", xml_escape(&narrative(&resource, self.loc)))
        });
        resource["id"] = Value::String(url["urn:uuid:".len()..].to_string());
        self.entries.push(json!({ "fullUrl": url, "resource": resource }));
    }

    /// The notes of `source` matching `pick`, as FHIR Annotations (marked used).
    fn notes_for(&mut self, source: &str, pick: impl Fn(&NoteRow) -> bool) -> Vec<Value> {
        let mut out = Vec::new();
        for (i, n) in self.s.notes.iter().enumerate() {
            if n.source == source && pick(n) {
                self.used_notes[i] = true;
                out.push(json!({ "time": n.at.rfc3339_in(&self.zone), "text": n.text }));
            }
        }
        out
    }

    fn build(mut self) -> Value {
        let s = self.s;
        self.patient();
        for item in &s.conditions {
            if item.is_allergy {
                self.allergy(item);
            } else if matches!(item.code.as_str(), "pregnant" | "breastfeeding" | "avoiding_alcohol") {
                self.status_observation(item);
            } else {
                self.condition(item);
            }
        }
        for (i, c) in s.courses.iter().enumerate() {
            self.course(i, c);
        }
        for item in s.medicines.iter().filter(|m| !s.courses.iter().any(|c| c.medicine.as_str() == m.code)) {
            self.medication(item);
        }
        for (i, r) in s.red_flags.iter().enumerate() {
            if r.rule_ids.iter().any(|id| id == "S5" || id == "S6") {
                self.suspected_reaction(i, r);
            }
        }
        if let Some(p) = &s.plan_status {
            // The status in force at the range end, from the plan's events
            // (also when the range starts after the stop or pause).
            let mut obs = self.local_observation("plan-status", "Kefir plan status", self.t("f-plan-status"));
            obs["effectivePeriod"] = json!({ "start": p.since, "end": s.to_date });
            obs["valueCodeableConcept"] = json!({
                "coding": [{ "system": LOCAL_CODE_SYSTEM, "code": format!("plan-status-{}", p.status) }],
                "text": self.t(&format!("r-status-{}", p.status))
            });
            obs["note"] = json!([{ "text": self.rule_note(&p.reason, &p.rule_ids) }]);
            self.push(&format!("plan-status|{}|{}", p.since, p.status), obs);
        }
        for (i, e) in s.plan_events.iter().enumerate() {
            let mut obs = self.local_observation("plan-event", "Kefir plan event", self.t("f-plan-event"));
            obs["effectiveDateTime"] = json!(e.date);
            obs["valueCodeableConcept"] = json!({
                "coding": [{ "system": LOCAL_CODE_SYSTEM, "code": format!("plan-{}", e.decision.as_str()) }],
                "text": self.decision_text(e.decision)
            });
            obs["component"] = json!([{
                "code": { "coding": [{ "system": LOCAL_CODE_SYSTEM, "code": "plan-target" }], "text": self.t("f-target") },
                "valueQuantity": ml(e.target_ml)
            }]);
            obs["note"] = json!([{ "text": self.rule_note(&e.reason, &e.rule_ids) }]);
            self.push(&format!("plan|{i}|{}|{}", e.date, e.decision.as_str()), obs);
        }
        for (i, b) in s.breaches.iter().enumerate() {
            let mut obs = self.local_observation("limit-breach", "Kefir limit not kept", self.t("f-breach"));
            obs["effectiveDateTime"] = json!(self.time(b.at));
            obs["valueCodeableConcept"] = json!({
                "coding": [{ "system": LOCAL_CODE_SYSTEM, "code": format!("rule-{}", b.rule_id) }],
                "text": format!("{} ({})", b.what, b.rule_id)
            });
            self.push(&format!("breach|{i}|{}|{}", b.at.millis(), b.rule_id), obs);
        }
        for day in &s.days {
            if day.intake_ml > 0 {
                let mut obs = self.local_observation(INTAKE_CODE, "Kefir intake", self.t("f-intake"));
                obs["code"]["coding"]
                    .as_array_mut()
                    .expect("coding list")
                    .push(json!({ "system": FOODEX2_SYSTEM, "code": FOODEX2_KEFIR, "display": "Kefir" }));
                obs["category"] = json!([coded(OBSERVATION_CATEGORY, "social-history", "Social History")]);
                obs["effectiveDateTime"] = json!(day.date);
                obs["valueQuantity"] = ml(day.intake_ml);
                let mut notes = Vec::new();
                if let Some(target) = day.target_ml {
                    let decision = day.decision.map(|d| format!(" ({})", self.decision_text(d))).unwrap_or_default();
                    let text = self.loc.tr("f-target-note", &[("ml", target.into()), ("event", decision.into())]);
                    notes.push(json!({ "text": text }));
                }
                notes.extend(self.notes_for("drink", |n| n.date == day.date));
                if !notes.is_empty() {
                    obs["note"] = Value::Array(notes);
                }
                self.push(&format!("intake|{}", day.date), obs);
            }
            if let Some(b) = day.bristol.filter(|b| (1..=7).contains(b)) {
                let mut obs = self.local_observation(SNOMED_BRISTOL, "Bristol stool form score", self.t("f-bristol"));
                obs["code"]["coding"][0]["system"] = json!(SNOMED);
                obs["category"] = json!([coded(OBSERVATION_CATEGORY, "survey", "Survey")]);
                obs["effectiveDateTime"] = json!(day.date);
                obs["valueInteger"] = json!(b);
                let notes = self.notes_for("check-in", |n| n.date == day.date);
                if !notes.is_empty() {
                    obs["note"] = Value::Array(notes);
                }
                self.push(&format!("bristol|{}", day.date), obs);
            }
        }
        for (i, r) in s.symptom_reports.iter().enumerate() {
            self.symptom(i, r);
        }
        // Notes that belong to no resource above (e.g. a check-in note on a
        // day without symptoms or Bristol score, a clearance note).
        for i in 0..s.notes.len() {
            if self.used_notes[i] {
                continue;
            }
            let n = &s.notes[i];
            let text = self.loc.tr("f-note", &[("with", source_word(self.loc, &n.source).into())]);
            let mut obs = self.local_observation("diary-note", "Diary note", text);
            obs["effectiveDateTime"] = json!(if n.source == "check-in" { n.date.clone() } else { self.time(n.at) });
            obs["valueString"] = json!(n.text);
            self.push(&format!("note|{i}|{}", n.at.millis()), obs);
        }

        let bundle_uuid = uuid_v5(&UUID_NAMESPACE, format!("{}|bundle", self.seed).as_bytes());
        json!({
            "resourceType": "Bundle",
            "id": bundle_uuid,
            "identifier": { "system": "urn:ietf:rfc:3986", "value": format!("urn:uuid:{bundle_uuid}") },
            "type": "collection",
            "timestamp": self.time(s.generated_at),
            "entry": self.entries
        })
    }

    fn patient(&mut self) {
        let mut p = json!({ "resourceType": "Patient" });
        if let Some(name) = self.s.display_name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            p["name"] = json!([{ "text": name }]);
        }
        if let Some(band) = self.s.age_band.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            p["extension"] = json!([{ "url": AGE_BAND_EXTENSION, "valueString": band }]);
        }
        self.push("patient", p);
    }

    fn allergy(&mut self, item: &CodedItem) {
        let r = json!({
            "resourceType": "AllergyIntolerance",
            "clinicalStatus": coded(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active"),
            "verificationStatus": coded(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "unconfirmed", "Unconfirmed"),
            "type": "allergy",
            "category": ["food"],
            "code": item_concept(item),
            "patient": self.patient_ref(),
            "asserter": self.patient_ref()
        });
        self.push(&format!("allergy|{}", item.code), r);
    }

    fn condition(&mut self, item: &CodedItem) {
        let r = json!({
            "resourceType": "Condition",
            "clinicalStatus": coded("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"),
            "verificationStatus": coded(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "unconfirmed", "Unconfirmed"),
            "category": [coded(
                "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item")],
            "code": item_concept(item),
            "subject": self.patient_ref(),
            "asserter": self.patient_ref()
        });
        self.push(&format!("condition|{}", item.code), r);
    }

    /// Pregnancy, breastfeeding, avoiding alcohol: a reported status, not a
    /// problem-list Condition. No standard code is cited here, so local code and text.
    fn status_observation(&mut self, item: &CodedItem) {
        let mut r = self.local_observation(&format!("status-{}", item.code), "", item.label.clone());
        r["code"]["coding"][0].as_object_mut().expect("coding").remove("display");
        r["category"] = json!([coded(OBSERVATION_CATEGORY, "social-history", "Social History")]);
        r["performer"] = json!([self.patient_ref()]);
        r["effectiveDateTime"] = json!(self.time(self.s.generated_at));
        r["valueBoolean"] = json!(true);
        self.push(&format!("status|{}", item.code), r);
    }

    /// A logged course: completed or active, its first and last dose, the
    /// interval as a timing, and whether spacing (M1–M3) was kept.
    fn course(&mut self, index: usize, c: &MedCourse) {
        let mut concept = json!({
            "coding": [{ "system": LOCAL_CODE_SYSTEM, "code": c.medicine.as_str(), "display": c.label }],
            "text": match &c.name { Some(n) => format!("{n} ({})", c.label), None => c.label.clone() }
        });
        if c.name.is_none() {
            concept["text"] = Value::String(c.label.clone());
        }
        let mut period = json!({ "start": self.time(c.first_dose) });
        if !c.active && c.doses_after == 0 {
            period["end"] = Value::String(self.time(c.last_dose));
        }
        let outside = match (c.doses_before, c.doses_after) {
            (0, 0) => String::new(),
            (b, a) => self.loc.tr("f-outside", &[("before", b.into()), ("after", a.into())]),
        };
        let every = c.interval_hours.map(|h| self.loc.tr("f-every", &[("h", h.into())])).unwrap_or_default();
        let text = self.loc.tr(
            "f-dosage",
            &[
                ("every", every.into()),
                ("n", c.doses.into()),
                ("first", c.first_local.as_str().into()),
                ("last", c.last_local.as_str().into()),
                ("outside", outside.into()),
            ],
        );
        let mut dosage = json!({ "text": text });
        if let Some(h) = c.interval_hours {
            dosage["timing"] = json!({ "repeat": { "frequency": 1, "period": h, "periodUnit": "h" } });
        }
        let spacing = match (&c.rule_id, c.drinks_in_window) {
            (Some(id), 0) => self.loc.tr("f-spacing-kept", &[("rule", id.as_str().into())]),
            (Some(id), n) => self.loc.tr("f-spacing-missed", &[("rule", id.as_str().into()), ("n", n.into())]),
            (None, _) => String::new(),
        };
        let (first, last) = (c.first_dose, c.last_dose);
        let mut notes = self.notes_for("dose", |n| n.at >= first && n.at <= last);
        if !spacing.is_empty() {
            notes.insert(0, json!({ "text": spacing }));
        }
        let mut r = json!({
            "resourceType": "MedicationStatement",
            "status": if c.active { "active" } else { "completed" },
            "medicationCodeableConcept": concept,
            "subject": self.patient_ref(),
            "effectivePeriod": period,
            "dateAsserted": self.time(self.s.generated_at),
            "informationSource": self.patient_ref(),
            "dosage": [dosage]
        });
        if !notes.is_empty() {
            r["note"] = Value::Array(notes);
        }
        self.push(&format!("course|{index}|{}|{}", c.medicine.as_str(), c.first_dose.millis()), r);
    }

    /// A suspected allergic reaction to kefir (S5, S6), reported by the
    /// user: unconfirmed, with its manifestations, severity and onset.
    fn suspected_reaction(&mut self, index: usize, r: &RedFlagRow) {
        let manifestations: Vec<Value> = r
            .symptoms
            .iter()
            .filter(|e| e.severity > Severity::None)
            .map(|e| {
                let mut v = json!({ "text": e.symptom.label(self.loc) });
                if let Some(code) = manifestation_snomed(e.symptom) {
                    v["coding"] = json!([snomed_coding(code)]);
                }
                v
            })
            .collect();
        if manifestations.is_empty() {
            return;
        }
        let worst = r.symptoms.iter().map(|e| e.severity).max().unwrap_or(Severity::None);
        let mut reaction = json!({
            "substance": kefir_concept(self.loc),
            "manifestation": manifestations,
            "onset": self.time(r.at),
            "description": self.rule_note(
                &self.loc.tr("f-reported-in", &[("source", source_word(self.loc, &r.source).into()), ("what", r.what.as_str().into())]),
                &r.rule_ids
            )
        });
        if worst > Severity::None {
            reaction["severity"] = Value::String(worst.as_str().to_string());
        }
        let mut a = json!({
            "resourceType": "AllergyIntolerance",
            "clinicalStatus": coded(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active"),
            "verificationStatus": coded(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "unconfirmed", "Unconfirmed"),
            "type": "allergy",
            "category": ["food"],
            "code": kefir_concept(self.loc),
            "patient": self.patient_ref(),
            "onsetDateTime": self.time(r.at),
            "recordedDate": self.time(r.at),
            "asserter": self.patient_ref(),
            "reaction": [reaction]
        });
        let at = r.at;
        let source = if r.source == "check-in" { "check-in" } else { "reaction" };
        let mut notes: Vec<Value> = Vec::new();
        if source == "reaction" {
            notes = self.notes_for(source, |n| n.at == at);
        } else if let Some(n) = &r.note {
            notes.push(json!({ "text": n }));
        }
        if !notes.is_empty() {
            a["note"] = Value::Array(notes);
        }
        self.push(&format!("reaction|{index}|{}", r.at.millis()), a);
    }

    fn medication(&mut self, item: &CodedItem) {
        let r = json!({
            "resourceType": "MedicationStatement",
            "status": "active",
            "medicationCodeableConcept": item_concept(item),
            "subject": self.patient_ref(),
            "dateAsserted": self.time(self.s.generated_at),
            "informationSource": self.patient_ref()
        });
        self.push(&format!("medication|{}", item.code), r);
    }

    fn symptom(&mut self, index: usize, r: &SymptomReport) {
        let mut value = json!({ "text": r.label });
        if let Some(code) = r.snomed.as_deref().filter(|c| !c.is_empty()) {
            value["coding"] = json!([snomed_coding(code)]);
        }
        let (sev_code, sev_display) = severity_snomed(r.severity);
        let mut severity = json!({ "text": r.severity.label(self.loc).to_lowercase() });
        if let Some(code) = sev_code {
            severity["coding"] = json!([{ "system": SNOMED, "code": code, "display": sev_display }]);
        }
        let effective = if r.whole_day { r.date.clone() } else { self.time(r.at) };
        let mut obs = json!({
            "resourceType": "Observation",
            "status": "final",
            "category": [coded(SYMPTOM_CATEGORY_SYSTEM, "symptom", "Symptom")],
            "code": {
                "coding": [{ "system": LOINC, "code": LOINC_SYMPTOM, "display": "Symptom" }],
                "text": self.t("f-symptom")
            },
            "subject": self.patient_ref(),
            "effectiveDateTime": effective,
            "issued": self.time(r.at),
            "performer": [self.patient_ref()],
            "valueCodeableConcept": value,
            "component": [{
                "code": {
                    "coding": [{ "system": LOINC, "code": LOINC_SEVERITY, "display": "Severity of symptoms" }],
                    "text": self.t("f-severity")
                },
                "valueCodeableConcept": severity
            }]
        });
        let (at, date) = (r.at, r.date.clone());
        let notes = if r.whole_day {
            self.notes_for("check-in", |n| n.date == date)
        } else {
            self.notes_for("reaction", |n| n.at == at)
        };
        if !notes.is_empty() {
            obs["note"] = Value::Array(notes);
        }
        let key = format!("symptom|{index}|{}|{}|{}", r.at.millis(), r.symptom.as_str(), r.severity.as_str());
        self.push(&key, obs);
    }
}

/// A one-line human-readable summary of a resource for its narrative, in `loc`.
fn narrative(r: &Value, loc: &Locale) -> String {
    let str_at = |path: &[&str]| -> Option<String> {
        let mut v = r;
        for p in path {
            v = v.get(*p)?;
        }
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(loc.t(if *b { "f-yes" } else { "f-no" })),
            _ => None,
        }
    };
    let mut parts: Vec<String> = Vec::new();
    let rt = r["resourceType"].as_str().unwrap_or("Resource");
    match rt {
        "Patient" => {
            parts.push(loc.t("f-patient"));
            if let Some(n) =
                str_at(&["name", "0", "text"]).or_else(|| r["name"][0]["text"].as_str().map(str::to_string))
            {
                parts.push(n);
            }
        }
        "MedicationStatement" => {
            let name = str_at(&["medicationCodeableConcept", "text"]).unwrap_or_default();
            parts.push(loc.tr("f-medicine", &[("name", name.into())]));
            let status = str_at(&["status"]).unwrap_or_default();
            parts.push(loc.tr("f-status", &[("status", loc.t(&format!("f-st-{status}")).into())]));
            if let Some(d) = r["dosage"][0]["text"].as_str() {
                parts.push(d.to_string());
            }
        }
        "AllergyIntolerance" | "Condition" => {
            let what = loc.t(if rt == "Condition" { "f-condition" } else { "f-allergy" });
            parts.push(format!("{what}: {}", str_at(&["code", "text"]).unwrap_or_default()));
            parts.push(loc.t("f-unconfirmed"));
            if let Some(d) = r["reaction"][0]["description"].as_str() {
                parts.push(d.to_string());
            }
        }
        _ => {
            parts.push(str_at(&["code", "text"]).unwrap_or_else(|| rt.to_string()));
            if let Some(v) = r.get("valueQuantity") {
                parts.push(format!("{} {}", v["value"], v["unit"].as_str().unwrap_or("")));
            }
            for k in ["valueString", "valueInteger", "valueBoolean"] {
                if let Some(v) = str_at(&[k]) {
                    parts.push(v);
                }
            }
            if let Some(v) = str_at(&["valueCodeableConcept", "text"]) {
                parts.push(v);
            }
            if let Some(c) = r["component"][0]["valueCodeableConcept"]["text"].as_str() {
                parts.push(loc.tr("f-severity-of", &[("severity", c.into())]));
            }
            if let Some(t) = str_at(&["effectiveDateTime"]) {
                parts.push(if t.len() == 10 { short_date(loc, &t) } else { t });
            }
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.join("; ")
}

/// Text for an XHTML narrative: &, < and > escaped.
fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A volume in UCUM millilitres.
fn ml(v: u32) -> Value {
    json!({ "value": v, "unit": "mL", "system": UCUM, "code": "mL" })
}

/// Kefir as a substance: no SNOMED CT concept (safety-evidence.md, "Coding
/// for doctor exports"), so a local code mapped to EFSA FoodEx2 A02NV.
fn kefir_concept(loc: &Locale) -> Value {
    json!({
        "coding": [
            { "system": LOCAL_CODE_SYSTEM, "code": "kefir", "display": "Kefir" },
            { "system": FOODEX2_SYSTEM, "code": FOODEX2_KEFIR, "display": "Kefir" }
        ],
        "text": loc.t("f-kefir")
    })
}

/// SNOMED CT concept for a reaction manifestation: the symptom's own code
/// ([`Symptom::snomed`], which cites its sources), so a symptom is coded
/// the same in every resource of the bundle.
fn manifestation_snomed(s: Symptom) -> Option<&'static str> {
    s.snomed()
}

/// A CodeableConcept with one coding.
fn coded(system: &str, code: &str, display: &str) -> Value {
    json!({ "coding": [{ "system": system, "code": code, "display": display }] })
}

/// Profile item: SNOMED CT coding when known, our local code, and the label.
fn item_concept(item: &CodedItem) -> Value {
    let mut codings = Vec::new();
    if let Some(code) = item.snomed.as_deref().filter(|c| !c.is_empty()) {
        codings.push(snomed_coding(code));
    }
    codings.push(json!({ "system": LOCAL_CODE_SYSTEM, "code": item.code, "display": item.label }));
    json!({ "coding": codings, "text": item.label })
}

/// A SNOMED CT coding, with the display for the concepts named in
/// safety-evidence.md ("Coding for doctor exports"); other codes go without a
/// display rather than with a guessed one.
fn snomed_coding(code: &str) -> Value {
    let display = match code {
        "422587007" => Some("Nausea"),
        "116289008" => Some("Abdominal bloating"),
        "62315008" => Some("Diarrhea"),
        "21522001" => Some("Abdominal pain"),
        "126485001" => Some("Urticaria"),
        "267036007" => Some("Dyspnea"),
        "41291007" => Some("Angioedema"),
        "14760008" => Some("Constipation"),
        "782555009" => Some("Allergy to cow's milk protein"),
        _ => None,
    };
    match display {
        Some(d) => json!({ "system": SNOMED, "code": code, "display": d }),
        None => json!({ "system": SNOMED, "code": code }),
    }
}

/// SNOMED CT severity qualifiers (descendants of 272141005 "Severities",
/// the Symptoms IG's SeverityCodes value set).
fn severity_snomed(s: Severity) -> (Option<&'static str>, &'static str) {
    match s {
        Severity::Mild => (Some("255604002"), "Mild"),
        Severity::Moderate => (Some("6736007"), "Moderate"),
        Severity::Severe => (Some("24484000"), "Severe"),
        Severity::None => (None, "None"),
    }
}

fn urn_uuid(seed: &str, key: &str) -> String {
    format!("urn:uuid:{}", uuid_v5(&UUID_NAMESPACE, format!("{seed}|{key}").as_bytes()))
}

/// RFC 9562 (formerly 4122) name-based UUID, version 5 (SHA-1), as the
/// lowercase hyphenated string.
pub fn uuid_v5(namespace: &[u8; 16], name: &[u8]) -> String {
    let mut input = Vec::with_capacity(16 + name.len());
    input.extend_from_slice(namespace);
    input.extend_from_slice(name);
    let hash = sha1(&input);
    let mut b = [0u8; 16];
    b.copy_from_slice(&hash[..16]);
    b[6] = (b[6] & 0x0f) | 0x50; // version 5
    b[8] = (b[8] & 0x3f) | 0x80; // RFC variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// SHA-1 (FIPS 180-4). Used only to derive UUID v5 identifiers, where the
/// algorithm is fixed by the UUID standard, not for security.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample::sample_summary;
    use std::collections::{BTreeMap, BTreeSet};

    fn resources<'v>(b: &'v Value, rt: &str) -> Vec<&'v Value> {
        b["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).filter(|r| r["resourceType"] == rt).collect()
    }

    fn has_coding(concept: &Value, system: &str, code: &str) -> bool {
        concept["coding"]
            .as_array()
            .map(|cs| cs.iter().any(|c| c["system"] == system && c["code"] == code))
            .unwrap_or(false)
    }

    /// Every `reference` string anywhere in `v`.
    fn references(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if k == "reference" {
                        out.push(x.as_str().expect("reference is a string").to_string());
                    } else {
                        references(x, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| references(x, out)),
            _ => {}
        }
    }

    #[test]
    fn sha1_and_uuid_v5_match_the_standards() {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(hex(&sha1(b"abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(
            hex(&sha1(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        // RFC 4122 DNS namespace; Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org").
        let dns = [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8];
        assert_eq!(uuid_v5(&dns, b"python.org"), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
        // Our namespace is itself uuid5(NAMESPACE_URL, "urn:kefir-app:fhir").
        let mut url_ns = dns;
        url_ns[3] = 0x11;
        assert_eq!(uuid_v5(&url_ns, b"urn:kefir-app:fhir"), "04e22e8d-856c-5339-aebe-aee9ec6159d4");
    }

    #[test]
    fn bundle_structure_counts_and_codes() {
        let s = sample_summary(60, &Locale::english());
        let b = bundle(&s, &Locale::english());
        assert_eq!(b["resourceType"], "Bundle");
        assert_eq!(b["type"], "collection");
        assert!(
            b["timestamp"].as_str().unwrap().ends_with("+00:00")
                || b["timestamp"].as_str().unwrap().ends_with("+01:00")
        );

        assert_eq!(resources(&b, "Patient").len(), 1);
        let patient = resources(&b, "Patient")[0];
        assert_eq!(patient["name"][0]["text"], "Alex Example");
        assert!(patient.get("identifier").is_none());

        let obs = resources(&b, "Observation");
        let intake: Vec<_> = obs.iter().filter(|o| has_coding(&o["code"], LOCAL_CODE_SYSTEM, INTAKE_CODE)).collect();
        assert_eq!(intake.len(), s.days.iter().filter(|d| d.intake_ml > 0).count());
        for o in &intake {
            assert!(has_coding(&o["code"], FOODEX2_SYSTEM, "A02NV"));
            let q = &o["valueQuantity"];
            assert_eq!(q["system"], UCUM);
            assert_eq!(q["code"], "mL");
            assert!(q["value"].as_u64().unwrap() > 0);
            assert_eq!(o["effectiveDateTime"].as_str().unwrap().len(), 10, "local date");
        }
        let total: u64 = intake.iter().map(|o| o["valueQuantity"]["value"].as_u64().unwrap()).sum();
        assert_eq!(total, u64::from(s.totals.total_ml));

        let symptoms: Vec<_> = obs.iter().filter(|o| has_coding(&o["code"], LOINC, LOINC_SYMPTOM)).collect();
        assert_eq!(symptoms.len(), s.symptom_reports.len());
        for (o, r) in symptoms.iter().zip(&s.symptom_reports) {
            // A check-in symptom is dated to its day; when it was typed is `issued`.
            let t = o["issued"].as_str().unwrap();
            assert!(t.ends_with("+00:00") || t.ends_with("+01:00"), "{t}");
            assert_eq!(Timestamp::parse_rfc3339(t), Some(r.at));
            if r.whole_day {
                assert_eq!(o["effectiveDateTime"], r.date.as_str());
            } else {
                assert_eq!(o["effectiveDateTime"], t);
            }
            assert_eq!(o["valueCodeableConcept"]["text"], r.label.as_str());
            match &r.snomed {
                Some(code) => assert!(has_coding(&o["valueCodeableConcept"], SNOMED, code)),
                None => assert!(o["valueCodeableConcept"].get("coding").is_none()),
            }
            let comp = &o["component"][0];
            assert!(has_coding(&comp["code"], LOINC, LOINC_SEVERITY));
            assert_eq!(comp["valueCodeableConcept"]["text"], r.severity.as_str());
            assert_eq!(o["performer"][0]["reference"], patient_url(&b));
        }

        let bristol: Vec<_> = obs.iter().filter(|o| has_coding(&o["code"], SNOMED, SNOMED_BRISTOL)).collect();
        assert_eq!(bristol.len(), s.days.iter().filter(|d| d.bristol.is_some()).count());
        assert!(bristol.iter().all(|o| (1..=7).contains(&o["valueInteger"].as_u64().unwrap())));
        let local = |code: &str| obs.iter().filter(|o| has_coding(&o["code"], LOCAL_CODE_SYSTEM, code)).count();
        assert_eq!(local("plan-event"), s.plan_events.len());
        assert_eq!(local("plan-status"), usize::from(s.plan_status.is_some()));
        assert_eq!(local("limit-breach"), s.breaches.len());
        assert_eq!(
            obs.len(),
            intake.len()
                + symptoms.len()
                + bristol.len()
                + local("plan-event")
                + local("plan-status")
                + local("limit-breach")
                + local("diary-note")
        );
        // Every note the user typed is somewhere: a resource's `note` or a diary-note Observation.
        let text = serde_json::to_string(&b).unwrap();
        for n in &s.notes {
            assert!(text.contains(&serde_json::to_string(&n.text).unwrap()), "note {:?}", n.text);
        }

        let allergies = resources(&b, "AllergyIntolerance");
        // The milk-protein allergy, and the S6 hives as a suspected reaction to kefir.
        assert_eq!(allergies.len(), 2);
        assert!(has_coding(&allergies[0]["code"], SNOMED, "782555009"));
        assert_eq!(allergies[0]["patient"]["reference"], patient_url(&b));
        let reaction = &allergies[1]["reaction"][0];
        assert_eq!(allergies[1]["verificationStatus"]["coding"][0]["code"], "unconfirmed");
        assert!(has_coding(&reaction["manifestation"][0], SNOMED, "126485001"), "{reaction}");
        assert_eq!(reaction["severity"], "moderate");
        assert_eq!(resources(&b, "Condition").len(), 1);
        let meds = resources(&b, "MedicationStatement");
        assert_eq!(meds.len(), 2, "the antibiotic course and warfarin from the profile");
        let course = meds.iter().find(|m| m["status"] == "completed").expect("a completed course");
        assert!(course["medicationCodeableConcept"]["text"].as_str().unwrap().starts_with("Amoxicillin"));
        assert!(course["effectivePeriod"]["start"].is_string() && course["effectivePeriod"]["end"].is_string());
        assert_eq!(course["dosage"][0]["timing"]["repeat"]["period"], 12);
        assert!(meds.iter().any(|m| m["status"] == "active"));
    }

    fn patient_url(b: &Value) -> String {
        b["entry"][0]["fullUrl"].as_str().unwrap().to_string()
    }

    #[test]
    fn references_resolve_inside_the_bundle_and_ids_are_uuids() {
        let b = bundle(&sample_summary(90, &Locale::english()), &Locale::english());
        let mut urls = BTreeSet::new();
        for e in b["entry"].as_array().unwrap() {
            let url = e["fullUrl"].as_str().unwrap();
            let uuid = url.strip_prefix("urn:uuid:").expect("urn:uuid fullUrl");
            assert_eq!(uuid.len(), 36);
            // Name-based (v5), except the patient: the database's random (v4) id.
            let version = if e["resource"]["resourceType"] == "Patient" { "4" } else { "5" };
            assert_eq!(&uuid[14..15], version);
            assert_eq!(e["resource"]["id"], uuid);
            assert!(urls.insert(url.to_string()), "duplicate fullUrl {url}");
        }
        let mut refs = Vec::new();
        references(&b, &mut refs);
        assert!(refs.len() > 100);
        for r in refs {
            assert!(urls.contains(&r), "dangling reference {r}");
        }
    }

    #[test]
    fn deterministic_and_distinct() {
        let s = sample_summary(30, &Locale::english());
        assert_eq!(to_string(&s, &Locale::english()).unwrap(), to_string(&s, &Locale::english()).unwrap());
        let mut other = s.clone();
        other.display_name = Some("Someone Else".into());
        let a = bundle(&s, &Locale::english());
        let b = bundle(&other, &Locale::english());
        assert_ne!(a["id"], b["id"]);
        let ids = |b: &Value| -> BTreeSet<String> {
            b["entry"].as_array().unwrap().iter().skip(1).map(|e| e["fullUrl"].as_str().unwrap().to_string()).collect()
        };
        assert!(ids(&a).is_disjoint(&ids(&b)));
        // The patient is the same person in every export of the database.
        assert_eq!(a["entry"][0]["fullUrl"], b["entry"][0]["fullUrl"]);
    }

    #[test]
    fn anonymous_patient_has_no_name() {
        let mut s = sample_summary(3, &Locale::english());
        s.display_name = None;
        s.age_band = None;
        let b = bundle(&s, &Locale::english());
        let p = resources(&b, "Patient")[0];
        assert!(p.get("name").is_none());
        assert!(p.get("extension").is_none());
        assert_eq!(p.as_object().unwrap().len(), 3, "resourceType, id and narrative only: {p}");
        assert!(!p["text"]["div"].as_str().unwrap().contains("Alex"));
    }

    #[test]
    fn unknown_zone_falls_back_to_utc_offsets() {
        let mut s = sample_summary(3, &Locale::english());
        s.time_zone = "Mars/Olympus".into();
        let b = bundle(&s, &Locale::english());
        let t = b["timestamp"].as_str().unwrap();
        assert!(t.ends_with("+00:00"), "{t}");
        assert_eq!(Timestamp::parse_rfc3339(t), Some(s.generated_at));
    }

    #[test]
    fn offsets_follow_dst() {
        // 90 days from 2026-01-05 crosses the UK spring change on 2026-03-29.
        let b = bundle(&sample_summary(90, &Locale::english()), &Locale::english());
        let mut offsets = BTreeMap::new();
        for o in resources(&b, "Observation") {
            // (the plan-status Observation has an effectivePeriod of dates)
            let Some(t) = o["issued"].as_str().or(o["effectiveDateTime"].as_str()) else { continue };
            if t.len() > 10 {
                *offsets.entry(t[t.len() - 6..].to_string()).or_insert(0) += 1;
            }
        }
        assert!(offsets.contains_key("+00:00") && offsets.contains_key("+01:00"), "{offsets:?}");
    }

    /// Independent validation with the Python `fhir.resources` models.
    ///
    /// Needs python3 with, preferably, FHIR R4 (4.0.1) models:
    ///     pip install "fhir.resources==6.4.0" "pydantic>=1.10,<2"
    /// (fhir.resources >= 7 has no R4, only R4B/R5; the script falls back to
    /// R4B there). Set KEFIR_PYTHON to use another interpreter (e.g. a venv).
    /// With CI=true a missing interpreter or library fails the test;
    /// otherwise it is skipped with a loud message.
    #[test]
    fn validates_with_python_fhir_resources() {
        let ci = std::env::var("CI").map(|v| v == "true").unwrap_or(false);
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fhir/validate_bundle.py");
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for (name, s) in [
            ("sample90.json", sample_summary(90, &Locale::english())),
            ("anon1.json", {
                let mut s = sample_summary(1, &Locale::english());
                s.display_name = None;
                s.age_band = None;
                s
            }),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, to_string(&s, &Locale::english()).unwrap()).unwrap();
            files.push(path);
        }
        let python = std::env::var("KEFIR_PYTHON").unwrap_or_else(|_| "python3".to_string());
        let out = std::process::Command::new(&python).arg(&script).args(&files).output();
        let skip = |why: String| {
            assert!(!ci, "FHIR validation could not run with CI=true: {why}");
            eprintln!("\n==================== SKIPPED ====================");
            eprintln!("FHIR bundle validation with Python fhir.resources did not run: {why}");
            eprintln!("Install: pip install \"fhir.resources==6.4.0\" \"pydantic>=1.10,<2\"");
            eprintln!("=================================================\n");
        };
        match out {
            Err(e) => skip(format!("cannot run {python}: {e}")),
            Ok(o) if o.status.code() == Some(2) => {
                skip(format!("library missing: {}", String::from_utf8_lossy(&o.stderr).trim()))
            }
            Ok(o) => {
                let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
                assert!(o.status.success(), "validate_bundle.py failed:\n{text}");
                eprintln!("{text}");
            }
        }
    }

    /// A German and a Russian bundle: free texts and narratives in that
    /// language, codings with their code systems' English displays, and the
    /// same codes and entries as the English bundle.
    #[test]
    fn texts_follow_the_locale_and_displays_stay_english() {
        let s = sample_summary(30, &Locale::english());
        let en = bundle(&s, &Locale::english());
        for (tag, symptom, note) in [("de", "Beschwerde", "Planziel"), ("ru", "Симптом", "Цель плана")]
        {
            let b = bundle(&s, &Locale::parse(tag).unwrap());
            let entries = b["entry"].as_array().unwrap();
            assert_eq!(entries.len(), en["entry"].as_array().unwrap().len());
            let obs = entries
                .iter()
                .map(|e| &e["resource"])
                .find(|r| r["code"]["coding"][0]["code"] == LOINC_SYMPTOM)
                .unwrap();
            assert_eq!(obs["code"]["text"], symptom, "{tag}");
            assert_eq!(obs["code"]["coding"][0]["display"], "Symptom", "{tag}: LOINC display stays English");
            let json = serde_json::to_string(&b).unwrap();
            assert!(json.contains(note), "{tag}: intake note");
            assert!(json.contains("\"display\":\"Kefir intake\""), "{tag}: local display stays");
            for (a, e) in entries.iter().zip(en["entry"].as_array().unwrap()) {
                assert_eq!(a["fullUrl"], e["fullUrl"]);
                assert_eq!(a["resource"]["code"]["coding"], e["resource"]["code"]["coding"]);
            }
        }
    }
}
