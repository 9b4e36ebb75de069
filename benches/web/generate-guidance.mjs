// A valid guidance file with `n` concerns: the same generator as
// `generated_guidance_json` in benches/engine.rs (11 domains, levels cycling 1 to 4, three
// flags, the default guidance's pathway rules, one action rule), so the browser renders
// the very shape criterion's `load/10000` and `scale/*` figures load and decide.
//
//   node benches/web/generate-guidance.mjs 10000 > generated-10000.json

const DOMAINS = 11;

export const concernCode = (i) => `domain_${i % DOMAINS}.concern_${String(i).padStart(5, "0")}`;
export const concernLevel = (i) => (i % 4) + 1;

export function generatedGuidance(n) {
  const text = (s) => ({ title: s, summary: s, allocation: s });
  const level = (l, p) => ({ level: l, name: `Level ${l}`, summary: "Generated.", pathway: p });
  const domains = Array.from({ length: DOMAINS }, (_, d) => ({ id: `domain_${d}`, name: `Domain ${d}` }));
  const concerns = Array.from({ length: n }, (_, i) => ({
    code: concernCode(i),
    domain: `domain_${i % DOMAINS}`,
    level: concernLevel(i),
    text: `Generated concern ${i}`,
    flags: [
      [97, "s47"],
      [89, "lado"],
      [83, "urgent_health"],
    ]
      .filter(([every]) => i % every === 0)
      .map(([, f]) => f),
  }));
  const strengths = Array.from({ length: 5 }, (_, i) => ({ code: `strength.s${i}`, text: `Strength ${i}` }));
  return {
    format: "front-door-triage/guidance/v1",
    id: `generated-${n}`,
    title: `Generated guidance with ${n} concerns`,
    version: "1",
    authority: { name: "Generated", demo: true },
    contacts: {
      front_door: { name: "Front door", phone: "01632 960 000" },
      police: { name: "Police", phone: "999" },
    },
    levels: [level(1, "signpost"), level(2, "signpost"), level(3, "family_help"), level(4, "macpt_referral")],
    pathways: {
      signpost: text("Signpost"),
      family_help: text("Family help"),
      macpt_referral: text("Child protection"),
      emergency: text("Emergency"),
    },
    domains,
    concerns,
    strengths,
    actions: [
      { code: "call_999", text: "Call 999.", timescale: "Now", contact: "police" },
      { code: "phone_front_door", text: "Phone the front door.", timescale: "Now", contact: "front_door" },
    ],
    rules: {
      pathway: [
        { id: "immediate-danger", when: "immediate_danger", pathway: "emergency", reason: "Immediate danger." },
        { id: "any-level-4", when: { concern_at_level: 4 }, pathway: "macpt_referral", reason: "Level 4." },
        { id: "any-level-3", when: { concern_at_level: 3 }, pathway: "family_help", reason: "Level 3." },
        {
          id: "cumulative-level-2",
          when: { count_at_level: { level: 2, at_least: 3, domains_at_least: 2 } },
          pathway: "family_help",
          reason: "Cumulative level 2.",
          lowered_by_strengths: { at_least: 2, to: "signpost", reason: "Strengths." },
        },
        { id: "default", when: "always", pathway: "signpost", reason: "Default." },
      ],
      actions: [
        {
          id: "child-protection-actions",
          when: { pathway: ["emergency", "macpt_referral"] },
          actions: ["call_999", "phone_front_door"],
        },
      ],
    },
  };
}

/** The code of the concern the concerns page renders last (last domain, last concern). */
export function lastRenderedCode(n) {
  for (let i = n - 1; i >= 0; i -= 1) if (i % DOMAINS === DOMAINS - 1) return concernCode(i);
  return concernCode(n - 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(JSON.stringify(generatedGuidance(Number(process.argv[2] ?? 10000))));
}
