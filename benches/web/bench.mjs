// The measuring half of scripts/bench (which builds everything first and passes the paths).
// Every figure of the table comes from this one run:
//   1. bytes of the first load, app vs the bare Yew counter app
//   2. navigation → first question / start page visible and interactive, standalone app and
//      the widget in portal-demo.html, vs static pages, unthrottled and under network
//      emulation (Chromium; benches/web/first-question.mjs)
//   3. tick a concern → live recommendation updated, expert mode (Chromium)
//   4. per-decision time: criterion's figure for our engine vs json-rules-engine in Node
//   5. scale: 10,000 concerns loaded and decided (criterion), and rendered (Chromium)
//   6. wasm linear memory after a full journey (Chromium)
// It prints one Markdown table plus the machine line, and writes them, with criterion's
// detail table, between the markers in BENCHMARKS.md. Budgets are reported, never enforced.

import { parseArgs } from "node:util";
import { readFileSync, writeFileSync, existsSync, mkdirSync, rmSync, cpSync, copyFileSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { gzipSync, brotliCompressSync, constants as zc } from "node:zlib";
import { performance } from "node:perf_hooks";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildDecider } from "./rules-engine.mjs";
import { generatedGuidance, lastRenderedCode } from "./generate-guidance.mjs";
import { THROTTLE, targetsFor, firstQuestionRun, staticPortal, throttleCheck } from "./first-question.mjs";
import { startCompressedServer } from "./serve-compressed.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const JRE_VERSION = JSON.parse(readFileSync(path.join(HERE, "node_modules/json-rules-engine/package.json"), "utf8")).version;
const REPO = path.resolve(HERE, "..", "..");
// The e2e suite's static server (strict CSP) and Chromium launcher: one way to run the app.
const { startServer } = await import(path.join(REPO, "tests/e2e/serve.mjs"));
const { launchBrowser } = await import(path.join(REPO, "tests/e2e/lib/browser.mjs"));

const { values: opt } = parseArgs({
  options: {
    dist: { type: "string", default: path.join(REPO, "dist") },
    "bare-dist": { type: "string" },
    criterion: { type: "string", default: path.join(REPO, "target", "criterion") },
    // Unix seconds: criterion results older than this are from another run and refused.
    "criterion-since": { type: "string", default: "0" },
    triage: { type: "string", default: path.join(REPO, "target", "debug", "triage") },
    work: { type: "string", default: path.join(REPO, "target", "bench", "web") },
    vignettes: { type: "string", default: path.resolve(REPO, "..", "shared", "vignettes", "public.json") },
    markdown: { type: "string", default: path.join(REPO, "BENCHMARKS.md") },
    "no-write": { type: "boolean", default: false },
    runs: { type: "string", default: "10" },
    "throttled-runs": { type: "string", default: "5" },
    // How row 2 is served: br (brotli, else gzip: as deploy/nginx serves it), gzip, identity.
    encoding: { type: "string", default: "br" },
    ticks: { type: "string", default: "50" },
    "scale-runs": { type: "string", default: "3" },
  },
});
const RUNS = Number(opt.runs);
const THROTTLED_RUNS = Number(opt["throttled-runs"]);
const ENCODING = opt.encoding;
const TICKS = Number(opt.ticks);
const SCALE_RUNS = Number(opt["scale-runs"]);
const SCALE_N = 10_000;
const DRAFT_KEY = "front-door-triage:draft";
const CHOICE_KEY = "front-door-triage:guidance";
const APP_TIMEOUT = 120_000;

const log = (...a) => console.error("bench:", ...a);
const loadStart = os.loadavg();
const defaultGuidance = JSON.parse(readFileSync(path.join(opt.dist, "guidance", "default.json"), "utf8"));

// ---------------------------------------------------------------------------------------
// Small statistics and formatting helpers
// ---------------------------------------------------------------------------------------

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile. */
const pct = (xs, p) => sorted(xs)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const bytes3 = (s) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;
function dur(ns) {
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(ns < 10_000 ? 2 : 1)} µs`;
  return `${(ns / 1_000_000).toFixed(2)} ms`;
}
const mib = (b) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
const verdict = (ok) => (ok ? "**PASS**" : "**OVER**");

// ---------------------------------------------------------------------------------------
// 1. Bytes
// ---------------------------------------------------------------------------------------

const sizeCache = new Map();
function sizes(file) {
  if (!sizeCache.has(file)) {
    const buf = readFileSync(file);
    sizeCache.set(file, {
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, {
        params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length },
      }).length,
    });
  }
  return sizeCache.get(file);
}
const sum = (list) =>
  list.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
const kindOf = (p) =>
  p.endsWith(".wasm") ? "wasm" : p.endsWith(".js") ? "js" : p.endsWith(".css") ? "css" : p.endsWith(".html") || p.endsWith("/") ? "html" : "other";

/**
 * The same-origin files a first visit fetches until `ready` shows, by kind, with sizes.
 * With `server` (its request log) and a service worker in `root`, also what the worker's
 * precache then transferred: files downloaded in full, and files the server answered
 * 304 because the page had just downloaded them.
 */
async function firstLoad(browser, origin, root, ready, server = null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const paths = new Set();
  page.on("response", (res) => {
    const u = new URL(res.url());
    if (u.origin === origin && res.status() === 200 && res.request().method() === "GET") paths.add(u.pathname);
  });
  const logStart = server?.requests.length ?? 0;
  await page.goto(`${origin}/`, { waitUntil: "load" });
  await page.waitForSelector(ready, { timeout: APP_TIMEOUT });
  await page.waitForTimeout(1000); // anything fetched lazily after the first render counts too
  const list = server ? precacheList(root) : null;
  let precache = null;
  if (list) {
    // An active worker has finished installing, so its precache is complete.
    const active = () => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active));
    for (const end = Date.now() + APP_TIMEOUT; !(await active()); await page.waitForTimeout(100)) {
      if (Date.now() > end) throw new Error("the service worker never became active");
    }
    const log = server.requests.slice(logStart);
    const full = list.filter((p) => log.filter((r) => r.path === p && r.status === 200).length > (paths.has(p) ? 1 : 0));
    const revalidated = list.filter((p) => log.some((r) => r.path === p && r.status === 304));
    const onDisk = (p) => path.join(root, p === "/" ? "index.html" : p);
    precache = {
      count: list.length,
      downloaded: { count: full.length, ...sum(full.map((p) => sizes(onDisk(p)))) },
      revalidated: { count: revalidated.length, ...sum(revalidated.map((p) => sizes(onDisk(p)))) },
    };
  }
  await context.close();
  paths.delete("/sw.js"); // the service worker's own script; its precache is reported apart
  const files = [...paths].sort().map((p) => {
    const file = path.join(root, p.endsWith("/") ? `${p}index.html` : p);
    return { path: p, kind: kindOf(p), ...sizes(file) };
  });
  const byKind = {};
  for (const k of ["wasm", "js", "css", "html", "other"]) {
    const list = files.filter((f) => f.kind === k);
    if (list.length) byKind[k] = { files: list.map((f) => f.path), ...sum(list) };
  }
  return { files, byKind, total: sum(files), precache };
}

/** The files the service worker precaches (sw.js FILES), or null without one. */
function precacheList(root) {
  const file = path.join(root, "sw.js");
  if (!existsSync(file)) return null;
  const m = readFileSync(file, "utf8").match(/\[\s*"\/"[^\]]*\]/);
  return m ? JSON.parse(m[0]) : null;
}

// ---------------------------------------------------------------------------------------
// 3, 5. Navigation → element ready, timed inside the page (row 2: first-question.mjs)
// ---------------------------------------------------------------------------------------

// Runs in the page before any of its scripts (an init script). Watches the DOM from the
// very start; when `selector` appears it (optionally) clicks it and checks that the click
// took, then in the next animation frame forces style and layout and stamps the time.
// performance.now() counts from the navigation's start (the page's time origin).
const PROBE = ({ selector, click, storage }) => {
  for (const [k, v] of Object.entries(storage || {})) sessionStorage.setItem(k, v);
  let done = false;
  const check = () => {
    if (done) return;
    const el = document.querySelector(selector);
    if (!el) return;
    done = true;
    observer.disconnect();
    const t = { found: performance.now() };
    if (click) {
      el.click();
      t.clicked = el.checked === true;
    }
    requestAnimationFrame(() => {
      void document.documentElement.offsetHeight; // style + layout of that frame
      t.ready = performance.now();
      // Where the time went: when the document, the stylesheet and the wasm had arrived.
      const end = (suffix) => performance.getEntriesByType("resource").find((e) => e.name.endsWith(suffix))?.responseEnd ?? null;
      t.phases = {
        document: performance.getEntriesByType("navigation")[0]?.responseEnd ?? null,
        css: end(".css"),
        wasm: end(".wasm"),
        found: t.found,
      };
      window.__bench = t;
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
};

async function timeToReady(browser, url, probe, verify, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  await context.addInitScript(PROBE, probe);
  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  try {
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench, null, { timeout: APP_TIMEOUT, polling: 50 });
    const t = await page.evaluate(() => window.__bench);
    if (probe.click && !t.clicked) throw new Error(`${url}: the click on ${probe.selector} did not take`);
    if (verify) await verify(page);
    if (pageErrors.length) throw new Error(`${url}: page errors: ${pageErrors.join("; ")}`);
    return { ...t, page, context };
  } catch (e) {
    await context.close();
    throw e;
  }
}

const draftJson = (g, step, answers) =>
  JSON.stringify({ version: 2, guidance_id: g.id, guidance_version: g.version, step, returning: false, answers });

// ---------------------------------------------------------------------------------------
// Memory: the app's own wasm instance. wasm-bindgen's init() returns the existing exports
// (memory included) when the module is already initialised, so importing the same URL
// the app loaded gives its linear memory without any extra export.
// ---------------------------------------------------------------------------------------

const wasmMemory = (page, module) =>
  page.evaluate(async (m) => {
    const mod = await import(new URL(m, location.origin).href);
    const exports = await mod.default();
    return exports.memory.buffer.byteLength;
  }, module);

// ---------------------------------------------------------------------------------------
// A full guided journey, as a user clicks it (for the memory figure)
// ---------------------------------------------------------------------------------------

async function fullJourney(page) {
  const radio = (group, name) =>
    page.getByRole("group", { name: group, exact: true }).getByRole("radio", { name, exact: true });
  const heading = (text) => page.locator("#main-content h1", { hasText: text }).first().waitFor();
  const next = async (h, label = "Continue") => {
    await page.getByRole("button", { name: label, exact: true }).click();
    await heading(h);
  };
  const g = defaultGuidance;
  await page.getByRole("button", { name: "Start now" }).click();
  await heading("Who is using this tool?");
  await page.getByRole("radio", { name: "School or college designated safeguarding lead" }).check();
  await next("Is the child in immediate danger?");
  await radio("Is the child in immediate danger?", "No").check();
  await next("About the child");
  await radio("Has the child been born?", "Yes").check();
  const age = page.getByRole("group", { name: "How old is the child?" });
  await age.getByLabel("Years", { exact: true }).fill("8");
  await age.getByLabel("Months", { exact: true }).fill("3");
  await radio("Does the child have a disability or special educational needs (SEND)?", "No, or not known").check();
  await radio("Is the child known to children's social care now?", "No, or not known").check();
  await radio(
    "Before today, how many times has anyone contacted the front door about this child in the last 12 months?",
    "None, or not known",
  ).check();
  await next("What are you worried about?");
  const picks = [3, 2, 2].map((l, i) => g.concerns.filter((c) => c.level === l)[i].code);
  for (const code of picks) await page.locator(`input[type="checkbox"][value="${code}"]`).check();
  await next("What is going well?");
  await page.locator(`input[type="checkbox"][value="${g.strengths[0].code}"]`).check();
  await next("The family's views and the child's voice");
  // The consent question is asked only where consent could change the outcome.
  const consent = page.getByRole("group", { name: "Has the family agreed to you asking for help?", exact: true });
  if ((await consent.count()) > 0) await consent.getByRole("radio", { name: "Yes, they agree", exact: true }).check();
  await page.getByLabel("What does the child say? (optional)").fill("I like school but home is hard.");
  await next("Check your answers");
  await page.getByRole("button", { name: "Get recommendation", exact: true }).click();
  await page.locator("#main-content [data-pathway][data-level]").waitFor();
  await radio("Do you agree with this recommendation?", "Yes").check();
  await page.getByRole("button", { name: "Record decision", exact: true }).click();
  await page.getByRole("alert").filter({ hasText: "Decision recorded" }).waitFor();
  return page.locator("#main-content [data-pathway]").first().getAttribute("data-pathway");
}

// ---------------------------------------------------------------------------------------
// 3. Interaction: ticks in expert mode, timed inside the page
// ---------------------------------------------------------------------------------------

// For each click: performance.now() just before input.click(); a MutationObserver on the
// live panel's aside fires once the app has re-rendered it; there a forced style and
// layout read (offsetHeight) completes the update, and the time is taken. Two animation
// frames pass between ticks so each starts from a settled page.
const TICKER = async ({ codes, warmup }) => {
  const aside = document.querySelector("aside.app-live");
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const times = [];
  const pathways = [];
  for (let i = 0; i < codes.length; i += 1) {
    const box = document.querySelector(`input[type="checkbox"][value="${codes[i]}"]`);
    if (!box) throw new Error(`no checkbox for ${codes[i]}`);
    const elapsed = await new Promise((resolve, reject) => {
      let t0 = 0;
      const timer = setTimeout(() => reject(new Error(`the panel did not change after ticking ${codes[i]}`)), 5000);
      const mo = new MutationObserver(() => {
        mo.disconnect();
        void document.documentElement.offsetHeight;
        const t1 = performance.now();
        clearTimeout(timer);
        resolve(t1 - t0);
      });
      mo.observe(aside, { subtree: true, childList: true, attributes: true, characterData: true });
      t0 = performance.now();
      box.click();
    });
    if (i >= warmup) times.push(elapsed);
    pathways.push(aside.querySelector("[data-pathway]")?.getAttribute("data-pathway"));
    await frame();
    await frame();
  }
  return { times, pathways };
};

// ---------------------------------------------------------------------------------------
// 4. The engine in JavaScript (json-rules-engine), timed in Node
// ---------------------------------------------------------------------------------------

async function jsEngine() {
  if (!existsSync(opt.vignettes)) {
    log(`${opt.vignettes} not found: no json-rules-engine comparison`);
    return null;
  }
  const suite = JSON.parse(readFileSync(opt.vignettes, "utf8"));
  const cases = suite.vignettes.map((v) => v.case);
  const decide = buildDecider(defaultGuidance);

  // Agreement with our engine: `triage decide` on each case.
  const dir = path.join(opt.work, "cases");
  mkdirSync(dir, { recursive: true });
  let samePathway = 0;
  let sameDecision = 0;
  for (const [i, c] of cases.entries()) {
    const file = path.join(dir, `case-${i}.json`);
    writeFileSync(file, JSON.stringify(c));
    const r = JSON.parse(execFileSync(opt.triage, ["decide", file], { encoding: "utf8" }));
    const ours = {
      pathway: r.pathway,
      level: r.level,
      consent_required: r.consent_required,
      consultation_advised: r.consultation_advised,
      reasons: r.reasons.map((x) => x.rule),
      actions: r.actions,
      signpost: r.signpost.map((s) => s.id),
    };
    const theirs = await decide(c);
    if (ours.pathway === theirs.pathway) samePathway += 1;
    if (JSON.stringify(ours) === JSON.stringify(theirs)) sameDecision += 1;
  }

  // Timing: warm up (JIT), then 7 batches of ~0.4 s; the median batch's time per decision.
  for (let i = 0; i < 200; i += 1) for (const c of cases) await decide(c);
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r += 1) for (const c of cases) await decide(c);
    if (performance.now() - t0 > 400) break;
    reps *= 2;
  }
  const perDecision = [];
  for (let b = 0; b < 7; b += 1) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r += 1) for (const c of cases) await decide(c);
    perDecision.push(((performance.now() - t0) * 1e6) / (reps * cases.length));
  }
  return { cases: cases.length, samePathway, sameDecision, ns: median(perDecision) };
}

// ---------------------------------------------------------------------------------------
// Criterion's figures from this run (cargo bench ran just before)
// ---------------------------------------------------------------------------------------

function criterion(id) {
  const dir = path.join(opt.criterion, ...id.split("/"), "new");
  const file = path.join(dir, "estimates.json");
  if (statSync(file).mtimeMs < Number(opt["criterion-since"]) * 1000)
    throw new Error(`${file} is older than this run: did cargo bench run every bench?`);
  const est = JSON.parse(readFileSync(file, "utf8"));
  const meta = JSON.parse(readFileSync(path.join(dir, "benchmark.json"), "utf8"));
  const elements = meta.throughput?.Elements ?? 1;
  return { median: est.median.point_estimate, elements, perElement: est.median.point_estimate / elements };
}

// ---------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------

async function main() {
  rmSync(opt.work, { recursive: true, force: true });
  mkdirSync(opt.work, { recursive: true });

  // The static page: the same question, the app's CSS, no script.
  const staticRoot = path.join(opt.work, "static");
  mkdirSync(staticRoot);
  copyFileSync(path.join(HERE, "static-question.html"), path.join(staticRoot, "index.html"));
  copyFileSync(path.join(opt.dist, "app.css"), path.join(staticRoot, "app.css"));
  copyFileSync(path.join(opt.dist, "favicon.svg"), path.join(staticRoot, "favicon.svg"));
  // ... and the portal page with that question where its JS API widget goes (no script).
  copyFileSync(path.join(opt.dist, "portal-demo.css"), path.join(staticRoot, "portal-demo.css"));
  writeFileSync(
    path.join(staticRoot, "portal-demo.html"),
    staticPortal(readFileSync(path.join(opt.dist, "portal-demo.html"), "utf8"), path.join(HERE, "static-question.html")),
  );

  // The scale deployment: dist plus a generated 10,000-concern guidance in its manifest.
  const scaleRoot = path.join(opt.work, "scale-dist");
  cpSync(opt.dist, scaleRoot, { recursive: true });
  const big = generatedGuidance(SCALE_N);
  const bigFile = `generated-${SCALE_N}.json`;
  writeFileSync(path.join(scaleRoot, "guidance", bigFile), JSON.stringify(big));
  const manifestPath = path.join(scaleRoot, "guidance", "index.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  manifest.guidance.push({ file: bigFile, name: `Generated guidance with ${SCALE_N} concerns` });
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  execFileSync(opt.triage, ["check", path.join(scaleRoot, "guidance", bigFile)], { stdio: "ignore" });

  const app = await startServer({ root: opt.dist });
  const bare = await startServer({ root: opt["bare-dist"], csp: "" }); // no CSP: Trunk's inline loader
  // Row 2 is served compressed, as deploy/nginx serves it (benches/web/serve-compressed.mjs).
  const appGz = await startCompressedServer({ root: opt.dist, encoding: ENCODING });
  const statGz = await startCompressedServer({ root: staticRoot, encoding: ENCODING });
  const scale = await startServer({ root: scaleRoot });
  const browser = await launchBrowser();
  const result = { chromium: browser.version() };
  try {
    // 1. Bytes
    log("first-load bytes");
    result.appLoad = await firstLoad(browser, app.url, opt.dist, "button.govuk-button--start", app);
    result.bareLoad = await firstLoad(browser, bare.url, opt["bare-dist"], "#count");
    result.precache = result.appLoad.precache;
    result.guidanceJson = sizes(path.join(opt.dist, "guidance", "default.json"));

    // 2. Time to first question, visible and interactive: each kind of run interleaved
    // with the others so machine load falls on all alike; unthrottled (after one warm-up
    // round), then under network emulation.
    const g = defaultGuidance;
    const safetyDraft = draftJson(g, "safety", { audience: "school_dsl" });
    // Embedded widgets keep their drafts under the key plus their prefix (ftd1, ftd2 in
    // the order they mount); both of the portal's Shadow DOM widgets are preset.
    const widgetDrafts = { [`${DRAFT_KEY}:ftd1`]: safetyDraft, [`${DRAFT_KEY}:ftd2`]: safetyDraft };
    const kinds = {
      static: { url: `${statGz.url}/`, storage: {} },
      appSafety: { url: `${appGz.url}/`, storage: { [DRAFT_KEY]: safetyDraft } },
      appStart: { url: `${appGz.url}/`, storage: {} },
      portalStatic: { url: `${statGz.url}/portal-demo.html`, storage: {} },
      portalSafety: { url: `${appGz.url}/portal-demo.html`, storage: widgetDrafts },
      portalStart: { url: `${appGz.url}/portal-demo.html`, storage: {} },
      // A diagnostic: appSafety with the service worker blocked (boot.js registers it
      // once the app is idle, and its install fetches every file).
      appSafetyNoSw: { url: `${appGz.url}/`, storage: { [DRAFT_KEY]: safetyDraft }, kind: "appSafety", context: { serviceWorkers: "block" } },
    };
    const runKind = (name, throttle) => {
      const k = kinds[name];
      const probe = { storage: k.storage, targets: targetsFor(k.kind ?? name, DRAFT_KEY) };
      return firstQuestionRun(browser, k.url, probe, { throttle, contextOptions: k.context, timeout: APP_TIMEOUT });
    };
    const fq = { unthrottled: {}, throttled: {}, encoding: ENCODING, throttle: THROTTLE };
    const unthrottledKinds = Object.keys(kinds);
    const throttledKinds = unthrottledKinds.filter((k) => k !== "appSafetyNoSw");
    log(`first question, unthrottled: ${RUNS} runs each of ${unthrottledKinds.join(", ")} (+1 warm-up)`);
    for (const k of unthrottledKinds) fq.unthrottled[k] = [];
    for (let run = -1; run < RUNS; run += 1) {
      for (const k of unthrottledKinds) {
        const r = await runKind(k, null);
        if (run >= 0) fq.unthrottled[k].push(r);
      }
    }
    log(`first question, throttled: ${THROTTLED_RUNS} runs each of ${throttledKinds.join(", ")}`);
    for (const k of throttledKinds) fq.throttled[k] = [];
    for (let run = 0; run < THROTTLED_RUNS; run += 1) {
      for (const k of throttledKinds) fq.throttled[k].push(await runKind(k, THROTTLE));
    }
    log("throttling check: the wasm fetched alone under the emulation");
    fq.check = await throttleCheck(browser, appGz.url, "/front-door-triage_bg.wasm", THROTTLE);
    result.fq = fq;

    // 3. Interaction in expert mode.
    log(`interaction: ${TICKS} ticks`);
    // The concerns the app offers for the expert draft's child (born, aged 8): a concern's
    // `ages` may leave some out (docs/guidance-format.md, "Ages").
    const fitsChild = (c, age = 8) => {
      const a = c.ages ?? {};
      return a.born !== false && !(a.at_least != null && age < a.at_least) && !(a.below != null && age >= a.below);
    };
    const offered = g.concerns.filter((c) => fitsChild(c));
    const level4 = offered.filter((c) => c.level === 4).map((c) => c.code);
    const pairs = Math.ceil(TICKS / 2) + 2; // each concern ticked then unticked; 2 warm-up pairs
    if (level4.length < pairs) throw new Error(`need ${pairs} level-4 concerns, the default guidance has ${level4.length}`);
    const codes = level4.slice(0, pairs).flatMap((c) => [c, c]); // tick, untick
    const expertDraft = draftJson(g, "expert", {
      audience: "front_door",
      mode: "expert",
      child_status: "born",
      age_years: "8",
    });
    {
      const r = await timeToReady(browser, `${app.url}/`, {
        selector: "aside.app-live [data-pathway]",
        click: false,
        storage: { [DRAFT_KEY]: expertDraft },
      });
      const shown = await r.page.evaluate(
        (all) => all.filter((c) => document.querySelector(`input[type="checkbox"][value="${c}"]`)).length,
        offered.map((c) => c.code),
      );
      if (shown !== offered.length) throw new Error(`expert mode shows ${shown} of the ${offered.length} concerns for an 8-year-old`);
      await r.page.waitForTimeout(500);
      const out = await r.page.evaluate(TICKER, { codes: codes.slice(0, TICKS + 4), warmup: 4 });
      // A tick raises the route (child protection referral, or 999 for a concern of
      // immediate danger); the untick brings it back to signposting.
      const wrong = out.pathways.filter((p, i) => (i % 2 === 0 ? !["macpt_referral", "emergency"].includes(p) : p !== "signpost"));
      if (wrong.length) throw new Error(`the live panel showed ${out.pathways.join(",")}`);
      result.ticks = { times: out.times, concernsShown: shown };
      await r.context.close();
    }

    // 5. The concerns page with 10,000 concerns.
    log(`scale: concerns page with ${SCALE_N} concerns, ${SCALE_RUNS} runs`);
    const scaleDraft = draftJson(big, "concerns", {
      audience: "school_dsl",
      immediate_danger: false,
      child_status: "born",
      age_years: "8",
      disabled_or_send: false,
      known_to_social_care: "none",
    });
    const scaleTimes = [];
    for (let run = 0; run < SCALE_RUNS; run += 1) {
      const r = await timeToReady(browser, `${scale.url}/`, {
        selector: `input[value="${lastRenderedCode(SCALE_N)}"]`,
        click: false,
        storage: { [DRAFT_KEY]: scaleDraft, [CHOICE_KEY]: bigFile },
      });
      const boxes = await r.page.locator("input.govuk-checkboxes__input").count();
      if (boxes !== SCALE_N) throw new Error(`the concerns page shows ${boxes} checkboxes, not ${SCALE_N}`);
      scaleTimes.push(r.ready);
      if (run === SCALE_RUNS - 1) result.scaleMemory = await wasmMemory(r.page, "/front-door-triage.js");
      await r.context.close();
    }
    result.scaleTimes = scaleTimes;

    // 6. Memory after a full journey (and after first render, and the bare app's floor).
    log("memory: full journey");
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${app.url}/`);
      await page.waitForSelector("button.govuk-button--start", { timeout: APP_TIMEOUT });
      const atStart = await wasmMemory(page, "/front-door-triage.js");
      const pathway = await fullJourney(page);
      const afterJourney = await wasmMemory(page, "/front-door-triage.js");
      await context.close();
      const bctx = await browser.newContext();
      const bpage = await bctx.newPage();
      await bpage.goto(`${bare.url}/`);
      await bpage.waitForSelector("#count", { timeout: APP_TIMEOUT });
      const bareMem = await wasmMemory(bpage, "/bare-yew.js");
      await bctx.close();
      result.memory = { atStart, afterJourney, pathway, bare: bareMem };
    }

    // 7. The guidance studio (issue 15): an edit to the default guidance (a concern
    //    re-levelled, then back) until check + lint + suite show in the panel.
    log("studio: edit to checks shown");
    result.studio = await studioEdits(browser, `${app.url}/studio.html`, RUNS);
  } finally {
    await browser.close();
    await Promise.all([app.close(), bare.close(), appGz.close(), statGz.close(), scale.close()]);
  }

  writeFileSync(path.join(opt.work, "browser.json"), JSON.stringify(result, null, 2));

  // 4. Engine: json-rules-engine in Node (after the browser, so it runs alone).
  log("json-rules-engine on the public vignettes");
  // A report, not a test: a translation that no longer covers the guidance leaves the
  // comparison out of the table (with the reason) rather than failing the run.
  result.js = await jsEngine().catch((e) => {
    log(`json-rules-engine comparison not run: ${e.message}`);
    return { error: e.message.split("\n")[0] };
  });
  result.crit = Object.fromEntries(
    [
      "default/public_vignettes",
      "default/single_macpt_case",
      "default/cumulative_case",
      "scale/defined/100",
      "scale/defined/1000",
      "scale/defined/10000",
      "scale/selected/1",
      "scale/selected/10",
      "scale/selected/100",
      "scale/selected/1000",
      "load/default",
      "load/10000",
    ].map((id) => [id, criterion(id)]),
  );
  result.bigBytes = Buffer.byteLength(JSON.stringify(big));
  return result;
}

/** Per edit: ms from the click to the checks panel showing the new results, and the checks'
 *  own run time as the page timed it. Then per key typed into a text field: ms from the key
 *  to the next frame (the studio checks once typing pauses, so keys never wait for lint). */
async function studioEdits(browser, url, runs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole("button", { name: "Open the built-in guidance" }).click({ timeout: APP_TIMEOUT });
  await page.locator('#checks-status[data-current="true"]').waitFor({ timeout: APP_TIMEOUT });
  await page.getByRole("link", { name: "Concerns", exact: true }).click();
  await page.getByRole("link", { name: "Change environment.financial_hardship" }).click();
  const shown = [];
  const run = [];
  for (let i = 0; i < runs * 2; i += 1) {
    const level = i % 2 === 0 ? 4 : 2;
    const t = await page.evaluate(async (level) => {
      const status = () => document.querySelector("#checks-status");
      const before = status().dataset.revision;
      const t0 = performance.now();
      document.querySelector(`#entry-level-${level}`).click();
      await new Promise((done) => {
        const ready = () => status()?.dataset.revision !== before && status()?.dataset.current === "true";
        const watch = new MutationObserver(() => ready() && (watch.disconnect(), done()));
        watch.observe(document.body, { subtree: true, attributes: true, childList: true });
      });
      return { shown: performance.now() - t0, run: Number(status().dataset.elapsedMs) };
    }, level);
    shown.push(t.shown);
    run.push(t.run);
  }
  // Typing: keys 60 ms apart (a fast typist) into the concern's text, each timed from the
  // input event until the page has redrawn the edit (the toolbar shows the model's new
  // revision) and a forced layout has completed it.
  const typing = await page.evaluate(async (keys) => {
    const box = document.querySelector("#entry-text");
    const status = () => document.querySelector(".studio-toolbar");
    const times = [];
    for (let i = 0; i < keys; i += 1) {
      const before = status().dataset.revision;
      const elapsed = await new Promise((resolve) => {
        let t0 = 0;
        const watch = new MutationObserver(() => {
          if (status()?.dataset.revision === before) return;
          watch.disconnect();
          void document.documentElement.offsetHeight;
          resolve(performance.now() - t0);
        });
        watch.observe(document.body, { subtree: true, attributes: true, childList: true });
        t0 = performance.now();
        box.value += i % 6 === 5 ? " " : "e";
        box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
      });
      times.push(elapsed);
      await new Promise((r) => setTimeout(r, 60));
    }
    return times;
  }, 40);
  await context.close();
  return { shown, run, typing };
}

// ---------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------

function machineLine(r) {
  const cpu = (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) || [])[1] ?? os.cpus()[0]?.model;
  const rustc = execFileSync("rustc", ["--version"], { encoding: "utf8" }).trim();
  const load = (l) => l.map((x) => x.toFixed(1)).join(" ");
  return (
    `Machine: nproc ${os.availableParallelism?.() ?? os.cpus().length}, ${cpu}, ` +
    `${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${rustc}, Node ${process.version}, ` +
    `Chromium ${r.chromium} (headless), ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}; ` +
    `load average ${load(loadStart)} at the start, ${load(os.loadavg())} at the end.`
  );
}

function table(r) {
  const rows = [];
  const row = (...cells) => rows.push(`| ${cells.join(" | ")} |`);
  const A = r.appLoad.byKind;
  const B = r.bareLoad.byKind;
  const files = (k) => (A[k] ? A[k].files.map((f) => `\`${f.replace(/^.*\//, "") || "index.html"}\``).join(", ") : "");
  const cell = (s) => (s ? bytes3(s) : "–");
  const sizeRatio = r.appLoad.total.gzip / r.bareLoad.total.gzip;

  row("#", "Measure", "Front Door Triage", "Baseline", "Budget", "Result");
  row("---", "---", "---:", "---:", "---", "---");
  row(1, `Bytes, wasm, raw / gzip -9 / brotli (default guidance compiled in)`, cell(A.wasm), `${cell(B.wasm)} (bare Yew counter)`, "", "");
  row(1, `Bytes, JS (${files("js")})`, cell(A.js), cell(B.js), "", "");
  row(1, `Bytes, CSS (${files("css")})`, cell(A.css), cell(B.css), "", "");
  row(1, `Bytes, HTML and icon`, cell(sum([A.html, A.other].filter(Boolean))), cell(sum([B.html, B.other].filter(Boolean))), "", "");
  row(
    1,
    `**Bytes, first load total** (${r.appLoad.files.length} files vs ${r.bareLoad.files.length})`,
    `**${bytes3(r.appLoad.total)}**`,
    `**${bytes3(r.bareLoad.total)}**`,
    "gzip ≤ 2.5× bare (aim 2×)",
    `${sizeRatio.toFixed(2)}× ${verdict(sizeRatio <= 2.5)}`,
  );
  const mmm = (xs) => `${ms(Math.min(...xs))} / **${ms(median(xs))}** / ${ms(Math.max(...xs))} ms`;
  fqRows(r.fq, row, mmm);
  const tk = r.ticks.times;
  row(
    3,
    `Tick a concern → live recommendation updated, expert mode, ${r.ticks.concernsShown} concerns on screen, ${tk.length} ticks, p50 / p95 (max)`,
    `${ms(pct(tk, 50))} / **${ms(pct(tk, 95))}** ms (${ms(Math.max(...tk))})`,
    "",
    "p95 ≤ 16 ms",
    verdict(pct(tk, 95) <= 16),
  );
  const rust = r.crit["default/public_vignettes"];
  const label = `Per decision, ${rust.elements} public vignettes, default guidance (ours: criterion median, native)`;
  if (r.js && !r.js.error) {
    const speedup = r.js.ns / rust.perElement;
    row(
      4,
      label,
      dur(rust.perElement),
      `${dur(r.js.ns)} (json-rules-engine ${JRE_VERSION}, Node ${process.version})`,
      "aim ≥ 100× faster",
      `${speedup.toFixed(0)}× ${speedup >= 100 ? "**MET**" : "**SHORT**"}`,
    );
    row(
      4,
      "Same decisions (json-rules-engine vs `triage decide`)",
      `${r.js.samePathway}/${r.js.cases} same pathway`,
      `${r.js.sameDecision}/${r.js.cases} identical (level, reasons, actions, signposts too)`,
      "",
      "",
    );
  } else {
    const why = r.js ? `not run: ${r.js.error.replaceAll("|", "\\|")}` : "not run: the public vignettes were not found";
    row(4, label, dur(rust.perElement), why, "aim ≥ 100× faster", "–");
  }
  row(5, `Load + validate ${SCALE_N.toLocaleString("en-GB")} concerns (${kb(r.bigBytes)}), native`, dur(r.crit["load/10000"].median), `${dur(r.crit["load/default"].median)} (default guidance)`, "", "");
  row(
    5,
    `Decision with ${SCALE_N.toLocaleString("en-GB")} concerns defined: 5 / 1,000 selected, native`,
    `${dur(r.crit["scale/defined/10000"].median)} / ${dur(r.crit["scale/selected/1000"].median)}`,
    `${dur(r.crit["scale/defined/100"].median)} (100 defined, 5 selected)`,
    "",
    "",
  );
  row(
    5,
    `Navigation → concerns page with ${SCALE_N.toLocaleString("en-GB")} concerns rendered (fetch, load, render), min / median / max of ${r.scaleTimes.length}`,
    mmm(r.scaleTimes),
    "",
    "",
    "",
  );
  row(
    6,
    `wasm linear memory after a full guided journey (decision recorded)`,
    `**${mib(r.memory.afterJourney)}**`,
    `${mib(r.memory.atStart)} at the start page; ${mib(r.memory.bare)} bare Yew counter; ${mib(r.scaleMemory)} with ${SCALE_N.toLocaleString("en-GB")} concerns rendered`,
    "",
    "",
  );
  if (r.studio) {
    const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
    const ms = (x) => `${x.toFixed(0)} ms`;
    const shownP95 = p95(r.studio.shown);
    row(
      7,
      `Studio: an edit to the default guidance until check + lint + suite show in the panel, p95 of ${r.studio.shown.length} (a click: checked at once)`,
      `**${ms(shownP95)}**`,
      `checks alone p95 ${ms(p95(r.studio.run))}, median ${ms(median(r.studio.run))}`,
      "p95 ≤ 200 ms",
      `${verdict(shownP95 <= 200)}`,
    );
    const typedP95 = p95(r.studio.typing);
    row(
      7,
      `Studio: a key typed into a concern's text until the page has redrawn it, ${r.studio.typing.length} keys 60 ms apart, p50 / p95 (max)`,
      `${ms(median(r.studio.typing))} / **${ms(typedP95)}** (${ms(Math.max(...r.studio.typing))})`,
      "",
      "p95 ≤ 16 ms",
      `${verdict(typedP95 <= 16)}`,
    );
  }
  return rows.join("\n");
}

// Row 2: first question and start page, visible and interactive.
const fqTimes = (fq, set, kind, target, key) => fq[set][kind].map((x) => x.targets[target][key]);
const throttleWords = (t) =>
  `throttled: ${t.latency} ms round trip, ${((t.downloadThroughput * 8) / 1e6).toFixed(1)} Mbit/s down, ` +
  `${((t.uploadThroughput * 8) / 1e3).toFixed(0)} kbit/s up, cache off`;

function fqRows(fq, row, mmm) {
  const sets = [
    ["unthrottled", "unthrottled", 2],
    ["throttled", "throttled", 3],
  ];
  const pages = [
    ["appSafety", "question", "static", "question", "standalone app", "static page"],
    ["portalSafety", "api", "portalStatic", "api", "widget in `portal-demo.html`", "static portal copy"],
  ];
  for (const [appKind, target, baseKind, baseTarget, what, baseName] of pages) {
    for (const [set, words, interactiveBudget] of sets) {
      for (const [key, label, budget] of [
        ["visible", "visible", 1.2],
        ["interactive", "interactive", interactiveBudget],
      ]) {
        const ours = fqTimes(fq, set, appKind, target, key);
        const base = fqTimes(fq, set, baseKind, baseTarget, key);
        const ratio = median(ours) / median(base);
        row(
          2,
          `First question ${label}, ${what}, ${words}; min / median / max of ${ours.length}`,
          mmm(ours),
          `${mmm(base)} (${baseName})`,
          `median ≤ ${budget}× static`,
          `${ratio.toFixed(2)}× ${verdict(ratio <= budget)}`,
        );
      }
    }
  }
  // The start page (blank session: what a first visit sees), no budget of its own.
  const mm = (xs) => `**${ms(median(xs))}** (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
  for (const [kind, target, baseKind, baseTarget, what] of [
    ["appStart", "start", "static", "question", "standalone app"],
    ["portalStart", "api", "portalStatic", "api", "widget in `portal-demo.html`"],
  ]) {
    for (const [set, words] of sets) {
      const v = fqTimes(fq, set, kind, target, "visible");
      const i = fqTimes(fq, set, kind, target, "interactive");
      const bv = median(fqTimes(fq, set, baseKind, baseTarget, "visible"));
      const bi = median(fqTimes(fq, set, baseKind, baseTarget, "interactive"));
      row(
        2,
        `Start page visible / interactive, ${what}, ${words}; median (min–max) of ${v.length}`,
        `${mm(v)} / ${mm(i)} ms`,
        `${ms(bv)} / ${ms(bi)} ms (${baseKind === "static" ? "static page" : "static portal copy"})`,
        "",
        `${(median(v) / bv).toFixed(2)}× / ${(median(i) / bi).toFixed(2)}× static`,
      );
    }
  }
  const noSw = fqTimes(fq, "unthrottled", "appSafetyNoSw", "question", "interactive");
  row(
    2,
    `(diagnostic) First question interactive, standalone app, unthrottled, service worker blocked; min / median / max of ${noSw.length}`,
    mmm(noSw),
    "",
    "",
    `${(median(noSw) / median(fqTimes(fq, "unthrottled", "static", "question", "interactive"))).toFixed(2)}× static`,
  );
}

const ENCODING_WORDS = { br: "brotli 11", gzip: "gzip -9", identity: "uncompressed" };
const ENCODING_SERVED = {
  br: "with brotli (quality 11) when the browser accepts it, else gzip -9, as `deploy/nginx` serves the build's precompressed copies",
  gzip: "with gzip -9 (`BENCH_ENCODING=gzip`)",
  identity: "uncompressed (`BENCH_ENCODING=identity`)",
};

/** The notes on row 2: where the time goes, the custom element, the throttling check. */
function fqNotes(fq) {
  const lines = [
    `Row 2: *first question*: the immediate-safety question, opened by a draft preset to that step; *start page*: the "Start now" button, blank session; ` +
      `*widget*: the JS API widget (Shadow DOM), the first of the three ways \`portal-demo.html\` embeds the app; ` +
      `*${throttleWords(fq.throttle)}* (Chromium network emulation); budgets on the medians. ` +
      `Visible: the first frame with those elements laid out and styled; interactive: a click on them processed by the app (see "How each figure is measured", 2).`,
  ];
  const med = (xs) => {
    const ok = xs.filter((x) => x != null);
    return ok.length ? ms(median(ok)) : "–";
  };
  const ph = (set, kind, key) => med(fq[set][kind].map((x) => x.phases[key]));
  const tt = (set, kind, target, key) => med(fqTimes(fq, set, kind, target, key));
  const wq = (set, kind) => med(fq[set][kind].map((x) => x.wasm?.startTime));
  for (const set of ["unthrottled", "throttled"]) {
    const n = fq[set].appSafety.length;
    lines.push(
      `Where the first question's time goes, ${set} (medians of ${n} runs, ms after navigation start). ` +
        `Standalone app: document received ${ph(set, "appSafety", "document")}, stylesheet ${ph(set, "appSafety", "css")}, ` +
        `wasm requested ${wq(set, "appSafety")} and received ${ph(set, "appSafety", "wasm")}, question in the DOM ${tt(set, "appSafety", "question", "found")}, ` +
        `visible ${tt(set, "appSafety", "question", "visible")}, interactive ${tt(set, "appSafety", "question", "interactive")}; ` +
        `static page: document ${ph(set, "static", "document")}, stylesheet ${ph(set, "static", "css")}, ` +
        `visible ${tt(set, "static", "question", "visible")}, interactive ${tt(set, "static", "question", "interactive")}; ` +
        `the app's start page: stylesheet ${ph(set, "appStart", "css")}, ` +
        `visible ${tt(set, "appStart", "start", "visible")}, interactive ${tt(set, "appStart", "start", "interactive")}. ` +
        `Widget: portal page ${ph(set, "portalSafety", "document")}, wasm requested ${wq(set, "portalSafety")} and received ${ph(set, "portalSafety", "wasm")}, ` +
        `question in its Shadow DOM ${tt(set, "portalSafety", "api", "found")}, its stylesheet ${ph(set, "portalSafety", "css")}, ` +
        `visible ${tt(set, "portalSafety", "api", "visible")}, interactive ${tt(set, "portalSafety", "api", "interactive")}; ` +
        `static portal copy: visible ${tt(set, "portalStatic", "api", "visible")}, interactive ${tt(set, "portalStatic", "api", "interactive")}.`,
    );
  }
  const el = (set, kind) => `${tt(set, kind, "element", "visible")} / ${tt(set, kind, "element", "interactive")}`;
  lines.push(
    `The portal's other Shadow DOM widget, the \`<front-door-triage>\` custom element, in the same runs (median visible / interactive, ms): ` +
      `first question ${el("unthrottled", "portalSafety")} unthrottled, ${el("throttled", "portalSafety")} throttled; ` +
      `start page ${el("unthrottled", "portalStart")} unthrottled, ${el("throttled", "portalStart")} throttled. ` +
      `The third way, the iframe, loads the app a second time and is not timed.`,
  );
  const c = fq.check;
  const t = fq.throttle;
  const total = median(c.map((x) => x.total));
  const enc = c[0].encoded;
  const expected = t.latency + (enc / t.downloadThroughput) * 1000;
  const wasmRuns = fq.throttled.appSafety.map((x) => x.wasm).filter(Boolean);
  const inPage = median(wasmRuns.map((w) => w.responseEnd - w.startTime));
  const onWire = median(fq.throttled.appSafety.map((x) => x.bytes));
  lines.push(
    `Throttling check: the wasm (${kb(enc)} on the wire, ${ENCODING_WORDS[fq.encoding]}; ${kb(c[0].decoded)} decoded), fetched alone in a throttled page, ` +
      `took ${ms(total)} ms (median of ${c.length}): ${t.latency} ms + ${kb(enc)} / ${kb(t.downloadThroughput)}/s = ${ms(expected)} ms expected. ` +
      `During the app's throttled first visit it took ${ms(inPage)} ms from request to last byte, sharing the line with the other files ` +
      `(${kb(onWire)} on the wire in all until the question was interactive). ` +
      `Row 2 is served by \`benches/web/serve-compressed.mjs\` ${ENCODING_SERVED[fq.encoding]}.`,
  );
  return lines;
}

function notes(r) {
  const p = r.precache;
  const lines = [
    `Bytes: KB = 1,000 bytes; gzip level 9 and brotli quality 11 (Node zlib) of the files the first visit ` +
      `fetched until the start page showed, as recorded in Chromium (app: ${r.appLoad.files.map((f) => `\`${f.path}\``).join(", ")}; ` +
      `bare: ${r.bareLoad.files.map((f) => `\`${f.path}\``).join(", ")}). ` +
      `The default guidance (\`default.json\`, ${bytes3(r.guidanceJson)} on its own) is compiled into the wasm, so it is not fetched.`,
  ];
  lines.push(...fqNotes(r.fq));
  if (p)
    lines.push(
      `Not in the totals: on the same first visit the service worker then precaches ${p.count} files in the background. ` +
        `It downloads ${p.downloaded.count} in full (${bytes3(p.downloaded)}), the files the page did not need yet; ` +
        `for the other ${p.revalidated.count} (${bytes3(p.revalidated)}, the wasm among them) the server answers 304 ` +
        `and the copy the page has just downloaded is cached.`,
    );
  return lines.map((l) => `- ${l}`).join("\n");
}

function engineTable(r) {
  const c = r.crit;
  const rows = [
    "| Bench | Median | Per decision |",
    "|---|---:|---:|",
    `| \`default/public_vignettes\` (${c["default/public_vignettes"].elements} cases) | ${dur(c["default/public_vignettes"].median)} | **${dur(c["default/public_vignettes"].perElement)}** |`,
  ];
  for (const id of ["default/single_macpt_case", "default/cumulative_case", "scale/defined/100", "scale/defined/1000", "scale/defined/10000", "scale/selected/1", "scale/selected/10", "scale/selected/100", "scale/selected/1000"])
    rows.push(`| \`${id}\` | ${dur(c[id].median)} | ${dur(c[id].median)} |`);
  rows.push(`| \`load/default\` (${kb(defaultBytes())}) | ${dur(c["load/default"].median)} | – |`);
  rows.push(`| \`load/10000\` (${kb(r.bigBytes)}) | ${dur(c["load/10000"].median)} | – |`);
  return rows.join("\n");
}
const defaultBytes = () => readFileSync(path.join(opt.dist, "guidance", "default.json")).length;

function replaceBetween(text, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) {
    log(`${opt.markdown} has no ${start} … ${end} markers; not written`);
    return text;
  }
  return `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`;
}

const r = await main();
const machine = machineLine(r);
const out = `${table(r)}\n\n${notes(r)}\n\n${machine}`;
console.log(`\n${out}\n`);
if (!opt["no-write"] && existsSync(opt.markdown)) {
  let md = readFileSync(opt.markdown, "utf8");
  md = replaceBetween(md, "bench", out);
  md = replaceBetween(md, "bench:engine", `${engineTable(r)}\n\n${machine}`);
  writeFileSync(opt.markdown, md);
  log(`written to ${path.relative(process.cwd(), opt.markdown) || opt.markdown}`);
}
writeFileSync(path.join(opt.work, "result.json"), JSON.stringify(r, null, 2));
