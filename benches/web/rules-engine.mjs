// The comparison for BENCHMARKS.md's engine row: the same decision logic as src/engine/,
// for a guidance file such as www/guidance/default.json, written the way a JavaScript team
// would with `json-rules-engine` (npm): derived facts computed once per case, each guidance
// rule as an engine rule, priorities for the order of the tables.
//
// - pathway table (first hit): one rule per row, priorities from 1000 down; a row only
//   fires while no pathway has been chosen (runtime fact `pathwayRule`);
// - `lowered_by_strengths`: a rule just below the pathway rows;
// - escalation table (collect, raise only) and action table (collect, sees the final
//   pathway): one priority level each, so their rows run in parallel.
// Reasons, actions (none unsafe with a selected flag, by urgency then guidance order,
// deduplicated, with the audience's wording and contacts), level, consent and signposting
// (by domain or by concern) are assembled as the Rust engine does.
//
//   const decide = buildDecider(guidanceJson);  const d = await decide(caseJson);

import jre from "json-rules-engine";
const { Engine } = jre;

const ORDER = ["signpost", "family_help", "macpt_referral", "emergency"];
const URGENCY = ["now", "today", "days"];
const BASE_LEVEL = { signpost: 1, family_help: 3, macpt_referral: 4, emergency: 4 };
const higher = (a, b) => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

/** The guidance's condition language as json-rules-engine conditions. */
function convert(when) {
  if (typeof when === "string") {
    if (when === "always") return { fact: "always", operator: "equal", value: true };
    // immediate_danger, unborn, non_mobile, disabled_or_send
    return { fact: when, operator: "equal", value: true };
  }
  const [[key, arg]] = Object.entries(when);
  switch (key) {
    case "all":
      return { all: arg.map(convert) };
    case "any":
      return { any: arg.map(convert) };
    case "not":
      return { not: convert(arg) };
    case "concern_at_level":
      return { fact: "maxLevel", operator: "greaterThanInclusive", value: arg };
    case "count_at_level":
      return {
        all: [
          { fact: "atLevel", path: `$.l${arg.level}.count`, operator: "greaterThanInclusive", value: arg.at_least },
          { fact: "atLevel", path: `$.l${arg.level}.domains`, operator: "greaterThanInclusive", value: arg.domains_at_least ?? 1 },
        ],
      };
    case "concern":
      return { fact: "concerns", operator: "contains", value: arg };
    case "any_concern":
      return { fact: "concerns", operator: "containsAny", value: arg };
    case "flag":
      return { fact: "flags", operator: "contains", value: arg };
    case "domain":
      return { fact: "domains", operator: "contains", value: arg };
    case "age_below": // age_years is null for an unborn baby: the number check fails, as in Rust
      return { fact: "age_years", operator: "lessThan", value: arg };
    case "age_at_least":
      return { fact: "age_years", operator: "greaterThanInclusive", value: arg };
    case "known_to_social_care":
      return { fact: "known_to_social_care", operator: "in", value: arg };
    case "consent":
      return { fact: "consent", operator: "in", value: arg };
    case "audience":
      return { fact: "audience", operator: "in", value: arg };
    case "pathway":
      return { fact: "pathway", operator: "in", value: arg };
    case "strength":
      return { fact: "strengths", operator: "contains", value: arg };
    case "strengths_at_least":
      return { fact: "strengthCount", operator: "greaterThanInclusive", value: arg };
    default:
      throw new Error(`rules-engine: condition ${key} is not translated`);
  }
}

/** A json-rules-engine condition always has all/any/not at the top. */
const top = (c) => (c.all || c.any || c.not ? c : { all: [c] });

export function buildDecider(g) {
  const concernByCode = new Map(g.concerns.map((c, i) => [c.code, { ...c, index: i }]));
  const actionIndex = new Map(g.actions.map((a, i) => [a.code, i]));
  const levels = [...new Set(g.concerns.map((c) => c.level))];

  const engine = new Engine([], { allowUndefinedFacts: false, replaceFactsInEventParams: false });
  engine.addOperator("containsAny", (factValue, values) => values.some((v) => factValue.includes(v)), Array.isArray);

  // Each run's working state lives in the almanac as runtime facts; rule handlers write it.
  const state = (almanac) => almanac.factValue("state");

  g.rules.pathway.forEach((rule, i) => {
    engine.addRule({
      name: rule.id,
      priority: 1000 - i,
      conditions: { all: [{ fact: "pathwayRule", operator: "equal", value: null }, top(convert(rule.when))] },
      event: { type: "pathway", params: { rule: rule.id } },
      onSuccess: async (event, almanac) => {
        const s = await state(almanac);
        s.pathway = rule.pathway;
        s.reasons.push(rule.id);
        almanac.addRuntimeFact("pathwayRule", rule.id);
        almanac.addRuntimeFact("pathway", rule.pathway);
      },
    });
    if (rule.lowered_by_strengths) {
      const low = rule.lowered_by_strengths;
      engine.addRule({
        name: `${rule.id}.lowered_by_strengths`,
        priority: 500,
        conditions: {
          all: [
            { fact: "pathwayRule", operator: "equal", value: rule.id },
            { fact: "pathway", operator: "equal", value: "family_help" },
            { fact: "maxLevel", operator: "lessThan", value: 3 },
            { fact: "strengthCount", operator: "greaterThanInclusive", value: low.at_least },
          ],
        },
        event: { type: "lowered" },
        onSuccess: async (event, almanac) => {
          if (ORDER.indexOf(low.to) >= ORDER.indexOf("family_help")) return;
          const s = await state(almanac);
          s.pathway = low.to;
          s.lowered = true;
          s.reasons.push(`${rule.id}.lowered_by_strengths`);
          almanac.addRuntimeFact("pathway", low.to);
        },
      });
    }
  });

  (g.rules.escalation ?? []).forEach((rule) => {
    engine.addRule({
      name: rule.id,
      priority: 400,
      conditions: top(convert(rule.when)),
      event: { type: "escalation" },
      onSuccess: async (event, almanac) => {
        const s = await state(almanac);
        if (rule.at_least) s.pathway = higher(s.pathway, rule.at_least);
        s.consultation ||= !!rule.consultation_advised;
        s.escalations.push(rule.id);
      },
    });
  });
  // The action table sees the final pathway, escalations included.
  engine.addRule({
    name: "final-pathway",
    priority: 300,
    conditions: { all: [{ fact: "always", operator: "equal", value: true }] },
    event: { type: "final" },
    onSuccess: async (event, almanac) => {
      almanac.addRuntimeFact("pathway", (await state(almanac)).pathway);
    },
  });

  (g.rules.actions ?? []).forEach((rule, i) => {
    engine.addRule({
      name: rule.id,
      priority: 200,
      conditions: top(convert(rule.when)),
      event: { type: "actions" },
      onSuccess: async (event, almanac) => {
        const s = await state(almanac);
        for (const a of rule.actions ?? []) s.actions.push(actionIndex.get(a));
        s.consultation ||= !!rule.consultation_advised;
        if (rule.reason) s.actionReasons.push([i, rule.id]);
      },
    });
  });

  return async function decide(c) {
    // Derived facts, once per case (what the Rust engine keeps in `Facts`).
    let maxLevel = 0;
    const flags = new Set();
    const domains = new Set();
    const atLevel = {};
    for (const l of levels) atLevel[`l${l}`] = { count: 0, domains: 0, seen: new Set() };
    for (const code of c.concerns ?? []) {
      const k = concernByCode.get(code);
      if (!k) throw new Error(`unknown concern ${code}`);
      maxLevel = Math.max(maxLevel, k.level);
      for (const f of k.flags ?? []) flags.add(f);
      domains.add(k.domain);
      const at = atLevel[`l${k.level}`];
      at.count += 1;
      at.seen.add(k.domain);
      at.domains = at.seen.size;
    }
    const child = c.child ?? {};
    const s = { pathway: null, lowered: false, consultation: false, reasons: [], escalations: [], actions: [], actionReasons: [] };
    const facts = {
      always: true,
      state: s,
      pathwayRule: null,
      pathway: null,
      immediate_danger: !!c.immediate_danger,
      unborn: !!child.unborn,
      non_mobile: !!child.non_mobile,
      disabled_or_send: !!child.disabled_or_send,
      age_years: child.age_years ?? null,
      known_to_social_care: child.known_to_social_care ?? "none",
      // This contact and the earlier ones in 12 months reach settings.repeat_contacts_at_least.
      repeat_contact: (child.previous_contacts_12_months ?? 0) + 1 >= (g.settings?.repeat_contacts_at_least ?? Infinity),
      consent: c.consent ?? "not_asked",
      audience: c.audience ?? "partner",
      concerns: c.concerns ?? [],
      strengths: c.strengths ?? [],
      strengthCount: (c.strengths ?? []).length,
      maxLevel,
      flags: [...flags],
      domains: [...domains],
      atLevel,
    };
    await engine.run(facts);

    const pathway = s.pathway;
    // None unsafe with a selected flag (never_with_flags), each once, what to do now
    // first and then the file's order, in the audience's wording, with a contact only
    // where it is shown to this audience.
    const urgency = (i) => URGENCY.indexOf(g.actions[i].urgency ?? "days");
    const actions = [...new Set(s.actions)]
      .filter((i) => !(g.actions[i].never_with_flags ?? []).some((f) => flags.has(f)))
      .sort((a, b) => urgency(a) - urgency(b) || a - b)
      .map((i) => {
        const a = g.actions[i];
        const decided = { code: a.code, text: a.text_for?.[facts.audience] ?? a.text, timescale: a.timescale };
        const contact = a.contact && g.contacts[a.contact];
        if (contact && (!contact.shown_to?.length || contact.shown_to.includes(facts.audience))) {
          const { shown_to, ...shown } = contact;
          decided.contact = shown;
        }
        if (a.duty) decided.duty = true;
        decided.urgency = a.urgency ?? "days";
        if (a.source) decided.source = a.source;
        return decided;
      });
    const level =
      pathway === "signpost" ? (s.lowered ? 2 : Math.min(Math.max(maxLevel, 1), 2)) : BASE_LEVEL[pathway];
    const age = facts.age_years ?? 0;
    const signpost =
      facts.concerns.length === 0
        ? []
        : (g.services ?? []).filter(
            (sv) =>
              // Every case when it names no domain and no concern; else by domain or by concern.
              ((!sv.domains?.length && !sv.concerns?.length) ||
                (sv.domains ?? []).some((d) => domains.has(d)) ||
                (sv.concerns ?? []).some((code) => facts.concerns.includes(code))) &&
              (sv.min_age ?? 0) <= age &&
              age <= (sv.max_age ?? 25) &&
              (sv.pathways ?? ["signpost", "family_help"]).includes(pathway),
          ).map((sv) => sv.id);
    return {
      pathway,
      level,
      consent_required: pathway === "family_help" && facts.consent !== "unsafe_to_ask",
      consultation_advised: s.consultation,
      reasons: [...s.reasons, ...s.escalations, ...s.actionReasons.sort((a, b) => a[0] - b[0]).map(([, id]) => id)],
      actions,
      signpost,
    };
  };
}
