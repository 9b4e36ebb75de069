//! Engine benchmarks: `cargo bench --bench engine`.
//!
//! - `default/*`: decisions against the embedded default guidance. `public_vignettes`
//!   decides every case of `../shared/vignettes/public.json` per iteration and reports
//!   `Throughput::Elements(cases)`, so its time is for the whole suite and its throughput
//!   is decisions per second (time per decision = time / cases).
//! - `scale/defined/N`: one 5-concern case against generated guidance defining N concerns.
//!   Flat: the engine resolves the case's codes once and never walks the catalogue.
//! - `scale/selected/K`: K selected concerns against the 10,000-concern guidance. Linear.
//! - `load/*`: `Guidance::from_json`, parse, check and compile.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use front_door_triage::guidance::Guidance;
use front_door_triage::vignette::Suite;
use front_door_triage::{evaluate, Case};
use serde_json::{json, Value};
use std::hint::black_box;
use std::path::Path;

const DOMAINS: usize = 11;

// ---------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------

/// The public vignette cases, or a few hand-made ones when the suite is not checked out.
fn public_cases(g: &Guidance) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vignettes/public.json");
    let from_suite = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| Suite::from_json(&text).ok())
        .map(|suite| {
            suite
                .vignettes
                .into_iter()
                .map(|v| v.case)
                .filter(|c| evaluate(g, c).is_ok())
                .collect::<Vec<_>>()
        })
        .filter(|cases| !cases.is_empty());
    match from_suite {
        Some(cases) => {
            eprintln!(
                "default/public_vignettes: {} cases from {}",
                cases.len(),
                path.display()
            );
            cases
        }
        None => {
            let cases = vec![
                case_with(g, Some(6.0), &codes_at(g, &[1]), &[]),
                macpt_case(g),
                cumulative_case(g),
                case_with(g, None, &codes_at(g, &[3]), &[]),
                Case {
                    immediate_danger: true,
                    ..macpt_case(g)
                },
            ];
            eprintln!(
                "default/public_vignettes: {} not found, {} hand-made cases",
                path.display(),
                cases.len()
            );
            cases
        }
    }
}

fn case_with(g: &Guidance, age: Option<f64>, concerns: &[String], strengths: &[String]) -> Case {
    let text = json!({
        "child": { "age_years": age, "unborn": age.is_none() },
        "concerns": concerns,
        "strengths": strengths,
        "consent": "given",
        "audience": "school_dsl",
    })
    .to_string();
    Case::from_json(&text, g).expect("a bench case fits its guidance")
}

/// The first concern at each of these levels, in guidance order.
fn codes_at(g: &Guidance, levels: &[u8]) -> Vec<String> {
    levels
        .iter()
        .filter_map(|&l| g.file().concerns.iter().find(|c| c.level == l))
        .map(|c| c.code.clone())
        .collect()
}

/// One level-4 concern: straight to the child protection team.
fn macpt_case(g: &Guidance) -> Case {
    case_with(g, Some(7.0), &codes_at(g, &[4]), &[])
}

/// Three level-2 concerns from three domains: the cumulative rule gives family help.
fn cumulative_case(g: &Guidance) -> Case {
    let mut seen = Vec::new();
    let concerns: Vec<String> = g
        .file()
        .concerns
        .iter()
        .filter(|c| c.level == 2)
        .filter(|c| {
            let new = !seen.contains(&c.domain);
            seen.push(c.domain.clone());
            new
        })
        .take(3)
        .map(|c| c.code.clone())
        .collect();
    case_with(g, Some(9.0), &concerns, &[])
}

// ---------------------------------------------------------------------------------------
// Generated guidance
// ---------------------------------------------------------------------------------------

fn concern_code(i: usize) -> String {
    format!("domain_{}.concern_{i:05}", i % DOMAINS)
}

fn concern_level(i: usize) -> u8 {
    (i % 4) as u8 + 1
}

/// A valid guidance file with `n` concerns over 11 domains, levels cycling 1 to 4, a few
/// flags, the same pathway rules as the default guidance, and one action rule.
fn generated_guidance_json(n: usize) -> String {
    let text = |s: &str| json!({ "title": s, "summary": s, "allocation": s });
    let level = |l: u8, p: &str| json!({ "level": l, "name": format!("Level {l}"), "summary": "Generated.", "pathway": p });
    let domains: Vec<Value> = (0..DOMAINS)
        .map(|d| json!({ "id": format!("domain_{d}"), "name": format!("Domain {d}") }))
        .collect();
    let concerns: Vec<Value> = (0..n)
        .map(|i| {
            let flags: Vec<&str> = [(97, "s47"), (89, "lado"), (83, "urgent_health")]
                .iter()
                .filter(|(every, _)| i % every == 0)
                .map(|&(_, f)| f)
                .collect();
            json!({
                "code": concern_code(i),
                "domain": format!("domain_{}", i % DOMAINS),
                "level": concern_level(i),
                "text": format!("Generated concern {i}"),
                "flags": flags,
            })
        })
        .collect();
    let strengths: Vec<Value> = (0..5)
        .map(|i| json!({ "code": format!("strength.s{i}"), "text": format!("Strength {i}") }))
        .collect();
    json!({
        "format": "front-door-triage/guidance/v1",
        "id": format!("generated-{n}"),
        "title": format!("Generated guidance with {n} concerns"),
        "version": "1",
        "authority": { "name": "Generated", "demo": true },
        "contacts": {
            "front_door": { "name": "Front door", "phone": "01632 960 000" },
            "police": { "name": "Police", "phone": "999" },
        },
        "levels": [
            level(1, "signpost"), level(2, "signpost"),
            level(3, "family_help"), level(4, "macpt_referral"),
        ],
        "pathways": {
            "signpost": text("Signpost"),
            "family_help": text("Family help"),
            "macpt_referral": text("Child protection"),
            "emergency": text("Emergency"),
        },
        "domains": domains,
        "concerns": concerns,
        "strengths": strengths,
        "actions": [
            { "code": "call_999", "text": "Call 999.", "timescale": "Now", "contact": "police" },
            { "code": "phone_front_door", "text": "Phone the front door.", "timescale": "Now", "contact": "front_door" },
        ],
        "rules": {
            "pathway": [
                { "id": "immediate-danger", "when": "immediate_danger", "pathway": "emergency", "reason": "Immediate danger." },
                { "id": "any-level-4", "when": { "concern_at_level": 4 }, "pathway": "macpt_referral", "reason": "Level 4." },
                { "id": "any-level-3", "when": { "concern_at_level": 3 }, "pathway": "family_help", "reason": "Level 3." },
                {
                    "id": "cumulative-level-2",
                    "when": { "count_at_level": { "level": 2, "at_least": 3, "domains_at_least": 2 } },
                    "pathway": "family_help",
                    "reason": "Cumulative level 2.",
                    "lowered_by_strengths": { "at_least": 2, "to": "signpost", "reason": "Strengths." },
                },
                { "id": "default", "when": "always", "pathway": "signpost", "reason": "Default." },
            ],
            "actions": [
                { "id": "child-protection-actions", "when": { "pathway": ["emergency", "macpt_referral"] }, "actions": ["call_999", "phone_front_door"] },
            ],
        },
    })
    .to_string()
}

/// `k` concerns at levels 1 and 2 spread evenly over the catalogue: every pathway rule is
/// tested before the cumulative one fires, and its reason names the level-2 concerns.
fn generated_case(g: &Guidance, n: usize, k: usize) -> Case {
    let low: Vec<usize> = (0..n).filter(|&i| concern_level(i) <= 2).collect();
    assert!(
        k <= low.len(),
        "{k} concerns asked of {} low ones",
        low.len()
    );
    let step = low.len() / k;
    // Alternate level 1 and level 2 (`low` alternates them), so the cumulative rule can fire.
    let concerns: Vec<String> = (0..k)
        .map(|j| concern_code(low[(j * step + j % 2).min(low.len() - 1)]))
        .collect();
    case_with(g, Some(8.0), &concerns, &[])
}

// ---------------------------------------------------------------------------------------
// Benches
// ---------------------------------------------------------------------------------------

fn default_guidance(c: &mut Criterion) {
    let g = Guidance::embedded_default().expect("default guidance");
    let cases = public_cases(&g);
    let mut group = c.benchmark_group("default");

    group.throughput(Throughput::Elements(cases.len() as u64));
    group.bench_function("public_vignettes", |b| {
        b.iter(|| {
            for case in &cases {
                black_box(evaluate(&g, black_box(case)).expect("decides"));
            }
        })
    });

    group.throughput(Throughput::Elements(1));
    let single = [
        ("single_macpt_case", macpt_case(&g)),
        ("cumulative_case", cumulative_case(&g)),
    ];
    for (name, case) in &single {
        group.bench_function(*name, |b| {
            b.iter(|| evaluate(&g, black_box(case)).expect("decides"))
        });
    }
    group.finish();
}

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    group.throughput(Throughput::Elements(1));
    let mut largest = None;
    for n in [100, 1_000, 10_000] {
        let g = Guidance::from_json(&generated_guidance_json(n)).expect("generated guidance");
        let case = generated_case(&g, n, 5);
        group.bench_with_input(BenchmarkId::new("defined", n), &case, |b, case| {
            b.iter(|| evaluate(&g, black_box(case)).expect("decides"))
        });
        largest = Some((n, g));
    }
    let (n, g) = largest.expect("the 10,000-concern guidance");
    for k in [1, 10, 100, 1_000] {
        let case = generated_case(&g, n, k);
        group.throughput(Throughput::Elements(k as u64));
        group.bench_with_input(BenchmarkId::new("selected", k), &case, |b, case| {
            b.iter(|| evaluate(&g, black_box(case)).expect("decides"))
        });
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(30);
    let inputs = [
        (
            "default",
            front_door_triage::guidance::DEFAULT_GUIDANCE_JSON.to_string(),
        ),
        ("10000", generated_guidance_json(10_000)),
    ];
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| Guidance::from_json(black_box(text)).expect("loads"))
        });
    }
    group.finish();
}

criterion_group!(benches, default_guidance, scale, load);
criterion_main!(benches);
