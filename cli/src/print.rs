//! Output: a readable default and `--json` for scripts.

use kefir_core::{DayTotal, Drink, DrinkLogged, Today, Zone};
use serde::Serialize;

use crate::cmd::Ctx;

fn json<T: Serialize + ?Sized>(v: &T) {
    println!("{}", serde_json::to_string_pretty(v).expect("records serialise"));
}

pub fn drink_line(zone: &Zone, d: &Drink) -> String {
    let local = d.at.local(zone).format("%Y-%m-%d %H:%M");
    let note = d.note.as_deref().map(|n| format!("  \"{n}\"")).unwrap_or_default();
    format!("#{:<5} {local}  {:>4} ml  {:<10} {:<10}{note}", d.id, d.ml, d.kind, d.source)
}

pub fn logged(ctx: &Ctx, l: &DrinkLogged) {
    if ctx.json {
        return json(l);
    }
    let zone = Zone::parse(&ctx.tz).expect("validated");
    println!("logged {}", drink_line(&zone, &l.drink));
    for w in &l.warnings {
        println!("  ! [{}] {} ({}): {}", w.rule_id, w.title, w.level, w.advice);
    }
}

pub fn drinks(ctx: &Ctx, zone: &Zone, ds: &[Drink]) {
    if ctx.json {
        return json(ds);
    }
    if ds.is_empty() {
        println!("no drinks in this range");
    }
    for d in ds {
        println!("{}", drink_line(zone, d));
    }
}

pub fn totals(ctx: &Ctx, ts: &[DayTotal]) {
    if ctx.json {
        return json(ts);
    }
    for t in ts {
        println!("{}  {:>5} ml  ({} drinks)", t.date, t.ml, t.drinks);
    }
}

pub fn today(ctx: &Ctx, zone: &Zone, t: &Today) {
    if ctx.json {
        return json(t);
    }
    println!("Today {} ({})", t.date, t.time_zone);
    println!("  drunk: {} ml in {} drinks", t.drunk_ml, t.drinks.len());
    for d in &t.drinks {
        println!("  {}", drink_line(zone, d));
    }
}

pub fn done(ctx: &Ctx, msg: &str) {
    if ctx.json {
        return json(&serde_json::json!({ "ok": true, "message": msg }));
    }
    println!("{msg}");
}
