// Shared steps for the journey specs: one server + one browser per spec file,
// a fresh context per test, and small helpers that answer each question the way
// a user would (found by role and accessible name; concerns and strengths by
// their code, contracts 4.6).
//
//   const suite = useSuite();                 // registers before/after hooks
//   const app = await openApp(suite, 'journeys-signpost');
//   await app.start();  ...  await app.close();

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAppServer } from '../serve.mjs';
import { launchBrowser, openPage, saveScreenshot, formatViolations, runAxe } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..', '..');
export const DIST_DIR = path.resolve(process.env.DIST_DIR || path.join(REPO_ROOT, 'dist'));
export const DRAFT_KEY = 'front-door-triage:draft';
/** The front door's contact record asks these (issue 16). */
export const PARENTS_TOLD = 'Have the parents or carers been told about this contact?';
export const NOT_TOLD_REASON = 'Why have they not been told?';
export const RECORD_SCHEMA = 'front-door-triage/decision-record/v3';

/** First render compiles the wasm; on a loaded 2-core box that can take a while. */
const APP_TIMEOUT = 30_000;
/** Everything after the first render is local and quick. */
const STEP_TIMEOUT = 10_000;

/** The headings (h1) of each step, as the app renders them. */
export const HEADINGS = {
  start: 'Front Door Triage',
  audience: 'Who is using this tool?',
  safety: 'Is the child in immediate danger?',
  emergency: 'Call 999 now',
  child: 'About the child',
  concerns: 'What are you worried about?',
  noConcerns: 'You have not chosen any concerns',
  notAChild: 'This tool is for children',
  strengths: 'What is going well?',
  views: "The family's views and the child's voice",
  check: 'Check your answers',
  expert: 'Triage: all questions',
  restart: 'Are you sure you want to start again?',
};

export const AUDIENCE_LABELS = {
  front_door: /^Front-door practitioner/,
  school_dsl: 'School or college designated safeguarding lead',
  partner: 'Another partner agency',
};

export const CONSENT_LABELS = {
  given: 'Yes, they agree',
  refused: 'No, they have refused',
  not_asked: 'Not asked yet',
  unsafe_to_ask: 'Not safe to ask',
};

export const KNOWN_LABELS = {
  none: 'No, or not known',
  previously_known: 'Not now, but their case closed in the last 12 months (social care or early help)',
  open_family_help: 'Yes, open to Family Help (child in need or early help)',
  open_child_protection: 'Yes, on a child protection plan',
  looked_after: 'Yes, looked after by the local authority (in care)',
};

/** Answers to "how many earlier contacts in 12 months", by number (3 means three or more). */
export const PREVIOUS_CONTACT_LABELS = ['None, or not known', 'Once', 'Twice', 'Three times or more'];
export const PREVIOUS_CONTACTS_QUESTION =
  'Before today, how many times has anyone contacted the front door about this child in the last 12 months?';

// ---------------------------------------------------------------------------
// Suite: server + browser for the whole file

/** Registers before/after hooks; the returned object is filled in by `before`. */
export function useSuite() {
  const suite = { server: null, browser: null };
  before(async () => {
    assert.ok(
      existsSync(path.join(DIST_DIR, 'index.html')),
      `${DIST_DIR}/index.html not found: build the app first (trunk build) or set DIST_DIR`,
    );
    suite.server = await startAppServer({ root: DIST_DIR });
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

// ---------------------------------------------------------------------------
// The guidance the build embeds (the same bytes as dist/guidance/default.json)

let guidanceCache;
export function guidance() {
  guidanceCache ??= JSON.parse(readFileSync(path.join(DIST_DIR, 'guidance', 'default.json'), 'utf8'));
  return guidanceCache;
}
export function concern(code) {
  const c = guidance().concerns.find((x) => x.code === code);
  assert.ok(c, `concern ${code} is not in the default guidance`);
  return c;
}
export function strength(code) {
  const s = guidance().strengths.find((x) => x.code === code);
  assert.ok(s, `strength ${code} is not in the default guidance`);
  return s;
}
export function pathwayTitle(code) {
  return guidance().pathways[code].title;
}

// ---------------------------------------------------------------------------
// The native CLI (`triage decide`), the reference for expected decisions

let triagePath;
/** TRIAGE_BIN, else <repo>/target/debug/triage, built with cargo if missing. */
export function triageBin() {
  if (triagePath) return triagePath;
  const bin = process.env.TRIAGE_BIN || path.join(REPO_ROOT, 'target', 'debug', 'triage');
  if (!existsSync(bin)) {
    if (process.env.TRIAGE_BIN) throw new Error(`TRIAGE_BIN=${bin} does not exist`);
    const cargoPath = [path.join(os.homedir(), '.cargo', 'bin'), process.env.PATH].join(path.delimiter);
    execFileSync('cargo', ['build', '--bin', 'triage'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PATH: cargoPath },
    });
    assert.ok(existsSync(bin), `cargo build --bin triage did not produce ${bin}`);
  }
  triagePath = bin;
  return bin;
}

/** `triage decide CASE.json` on `caseObj`; returns the parsed Decision. */
export function decide(caseObj) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fdt-case-'));
  try {
    const file = path.join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(caseObj, null, 2));
    const out = execFileSync(triageBin(), ['decide', file], { encoding: 'utf8' });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `triage draft CASE.json` on `caseObj`: the request for support drafted for it. */
export function draftRequest(caseObj) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fdt-case-'));
  try {
    const file = path.join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(caseObj, null, 2));
    return execFileSync(triageBin(), ['draft', file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// One app session: a fresh context and page, with step helpers bound to it

/**
 * Opens the app in a fresh context and waits for the running app's start page.
 * `name` prefixes screenshots: screenshots/<name>-<step>.png.
 */
export async function openApp(suite, name, contextOpts = {}) {
  const opened = await openPage(suite.browser, `${suite.server.url}/`, contextOpts);
  opened.context.setDefaultTimeout(STEP_TIMEOUT);
  const app = new App(opened, name, suite.server.url);
  try {
    await app.waitForStart(APP_TIMEOUT);
  } catch (err) {
    await app.close();
    throw err;
  }
  return app;
}

export class App {
  constructor(opened, name, origin) {
    Object.assign(this, opened); // context, page, errors, requests, cspViolations
    this.name = name;
    this.origin = origin;
    this.shots = new Set();
  }

  // ----- waiting and looking

  h1() {
    return this.page.locator('#main-content h1');
  }

  /** Waits until the page's h1 reads `text` (string: exact, after trimming; or RegExp). */
  async expectHeading(text, timeout = STEP_TIMEOUT) {
    const want = typeof text === 'string' ? new RegExp(`^\\s*${escapeRe(text)}\\s*$`) : text;
    try {
      await this.page.locator('#main-content h1', { hasText: want }).first().waitFor({ state: 'visible', timeout });
    } catch (err) {
      const now = await this.h1().allInnerTexts().catch(() => []);
      throw new Error(`expected the heading ${want} but the page shows ${JSON.stringify(now)}\n` +
        `console errors:\n${formatViolations(this.errors.console)}\npage errors:\n${formatViolations(this.errors.page)}`);
    }
  }

  startButton() {
    return this.page.getByRole('button', { name: 'Start now' });
  }

  async waitForStart(timeout = STEP_TIMEOUT) {
    try {
      await this.startButton().waitFor({ state: 'visible', timeout });
    } catch (err) {
      const csp = await this.cspViolations();
      throw new Error(
        `the app did not render its start page (${err.message.split('\n')[0]})\n` +
          `CSP violations:\n${formatViolations(csp)}\nconsole errors:\n${formatViolations(this.errors.console)}\n` +
          `page errors:\n${formatViolations(this.errors.page)}`,
      );
    }
  }

  /** Saves screenshots/<name>-<step>.png (a repeated step gets -2, -3, ...). */
  async shot(step) {
    let file = `${this.name}-${step}`;
    for (let i = 2; this.shots.has(file); i += 1) file = `${this.name}-${step}-${i}`;
    this.shots.add(file);
    await saveScreenshot(this.page, file);
  }

  /** The HEADINGS key of the step on screen, if it is one of them. */
  async stepKey() {
    const text = (await this.h1().first().innerText().catch(() => '')).trim();
    return Object.keys(HEADINGS).find((k) => HEADINGS[k] === text);
  }

  /** Screenshots the current step unless a test already has (so every step is kept). */
  async shotOnce() {
    const key = await this.stepKey();
    if (key && !this.shots.has(`${this.name}-${key}`)) await this.shot(key);
  }

  /** The named radio inside the fieldset (role group) whose legend is `group`. */
  radio(group, name) {
    return this.page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name, exact: typeof name === 'string' });
  }

  concernBox(code) {
    return this.page.locator(`input[type="checkbox"][value="${code}"]`);
  }

  strengthBox(code) {
    return this.page.locator(`input[type="checkbox"][value="${code}"]`);
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /**
   * Waits until the layout a click aims at has stopped moving. Nothing to wait for on a
   * page of its own; an embedded widget may say otherwise (see Widget in embed.mjs).
   */
  async settled() {}

  /** Clicks `target` once the layout has settled. */
  async click(target) {
    await this.settled();
    await target.click();
  }

  /** Checks the radio or checkbox `target` once the layout has settled. */
  async check(target) {
    await this.settled();
    await target.check();
  }

  /** Presses the page's submit button (`label`) and waits for `heading`. */
  async next(heading, label = 'Continue') {
    await this.shotOnce();
    await this.click(this.button(label));
    await this.expectHeading(heading);
  }

  // ----- the steps

  async start() {
    await this.shotOnce();
    await this.click(this.startButton());
    await this.expectHeading(HEADINGS.audience);
  }

  async chooseAudience(audience, { mode } = {}) {
    await this.check(this.page.getByRole('radio', { name: AUDIENCE_LABELS[audience] }));
    if (mode) {
      const label = mode === 'expert' ? 'All questions on one page' : 'One question at a time';
      await this.check(this.radio('How do you want to work?', label));
    }
  }

  async answerSafety(danger) {
    await this.check(this.radio(HEADINGS.safety, danger ? 'Yes' : 'No'));
  }

  /**
   * The child's fields (guided page or expert page).
   * { unborn, years, months, mobile (true/false, babies only), send, known, previous }
   */
  async answerChild({ unborn = false, years = '', months = '', mobile, send = false, known = 'none', previous = 0 } = {}) {
    await this.check(this.radio('Has the child been born?', unborn ? 'No, the baby is not born yet' : 'Yes'));
    if (!unborn) {
      const age = this.page.getByRole('group', { name: 'How old is the child?' });
      await age.getByLabel('Years', { exact: true }).fill(String(years));
      await age.getByLabel('Months', { exact: true }).fill(String(months));
      if (mobile !== undefined) {
        await this.check(this.radio('Can the baby move around on their own yet?', mobile ? 'Yes' : 'No, not yet mobile'));
      }
    }
    await this.check(this.radio('Does the child have a disability or special educational needs (SEND)?', send ? 'Yes' : 'No, or not known'));
    await this.check(this.radio("Is the child known to children's social care now?", KNOWN_LABELS[known]));
    await this.check(this.radio(PREVIOUS_CONTACTS_QUESTION, PREVIOUS_CONTACT_LABELS[Math.min(previous, 3)]));
  }

  async tickConcerns(codes) {
    for (const code of codes) await this.check(this.concernBox(code));
  }

  async tickStrengths(codes) {
    for (const code of codes) await this.check(this.strengthBox(code));
  }

  /** The consent question is asked only where consent could change the outcome. */
  consentQuestion() {
    return this.page.getByRole('group', { name: 'Has the family agreed to you asking for help?', exact: true });
  }

  async answerViews({ consent, voice, notes } = {}) {
    if (consent && (await this.consentQuestion().count()) > 0) {
      await this.check(this.radio('Has the family agreed to you asking for help?', CONSENT_LABELS[consent]));
    }
    if (voice !== undefined) await this.page.getByLabel('What does the child say? (optional)').fill(voice);
    if (notes !== undefined) await this.page.getByLabel('Other notes (optional)').fill(notes);
  }

  /**
   * A whole guided journey from the start page to the outcome, screenshotting each
   * step. `c` = { audience, danger, child: {...}, concerns, strengths, strengthsText,
   * consent, voice, notes }. Stops at `stopAt` (a HEADINGS key) if given.
   */
  async guided(c, { stopAt } = {}) {
    const stop = async (key) => stopAt === key;
    await this.shot('start');
    await this.start();
    await this.chooseAudience(c.audience ?? 'school_dsl', { mode: c.audience === 'front_door' ? 'guided' : undefined });
    await this.shot('audience');
    await this.next(HEADINGS.safety);
    if (await stop('safety')) return;
    await this.answerSafety(!!c.danger);
    await this.shot('safety');
    if (c.danger) {
      await this.next(HEADINGS.emergency);
      await this.shot('emergency');
      if (await stop('emergency')) return;
      await this.next(HEADINGS.child, 'Continue to record the details');
    } else {
      await this.next(HEADINGS.child);
    }
    if (await stop('child')) return;
    await this.answerChild(c.child ?? { years: 8 });
    await this.shot('child');
    await this.next(HEADINGS.concerns);
    if (await stop('concerns')) return;
    await this.tickConcerns(c.concerns ?? []);
    await this.shot('concerns');
    if ((c.concerns ?? []).length === 0 && !c.danger) {
      await this.next(HEADINGS.noConcerns);
      await this.shot('no-concerns');
      await this.next(HEADINGS.strengths, 'Continue without a concern');
    } else {
      await this.next(HEADINGS.strengths);
    }
    if (await stop('strengths')) return;
    await this.tickStrengths(c.strengths ?? []);
    if (c.strengthsText) await this.page.getByLabel('Anything else that is going well (optional)').fill(c.strengthsText);
    await this.shot('strengths');
    await this.next(HEADINGS.views);
    if (await stop('views')) return;
    await this.answerViews({ consent: c.consent ?? 'given', voice: c.voice, notes: c.notes });
    await this.shot('views');
    await this.next(HEADINGS.check);
    if (await stop('check')) return;
    await this.shot('check');
    await this.getRecommendation();
    await this.shot('outcome');
  }

  async getRecommendation() {
    await this.shotOnce();
    await this.click(this.button('Get recommendation'));
    await this.outcome().waitFor({ state: 'visible' });
  }

  /** The outcome page's element carrying data-pathway and data-level (contracts 4.6). */
  outcome() {
    return this.page.locator('#main-content [data-pathway][data-level]');
  }

  async pathway() {
    return this.outcome().getAttribute('data-pathway');
  }

  async level() {
    return this.outcome().getAttribute('data-level');
  }

  /** data-action codes of the "What to do now" list, in order. */
  async actions() {
    return this.page.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  }

  /** Text of the "Why" section (the reasons list). */
  async reasonsText() {
    return this.page.locator('.app-reasons').innerText();
  }

  /**
   * Records the decision. { agrees: true } or { agrees: false, pathway, reason }. A
   * front-door practitioner is also asked whether the parents were told: `parentsTold`
   * (default true), and when false `notToldReason`.
   */
  async recordDecision({ agrees = true, pathway, reason, parentsTold = true, notToldReason } = {}) {
    const group = 'Do you agree with this recommendation?';
    await this.check(this.radio(group, agrees ? 'Yes' : 'No, I have decided on a different route'));
    if (!agrees) {
      if (pathway) await this.check(this.radio('Which route have you decided on?', pathwayTitle(pathway)));
      if (reason !== undefined) await this.page.getByLabel('Why have you decided on a different route?').fill(reason);
    }
    const parents = this.page.getByRole('group', { name: PARENTS_TOLD, exact: true });
    if (await parents.count()) {
      await this.check(this.radio(PARENTS_TOLD, parentsTold ? 'Yes' : 'No'));
      if (!parentsTold && notToldReason !== undefined) await this.page.getByLabel(NOT_TOLD_REASON).fill(notToldReason);
    }
    await this.click(this.button('Record decision'));
  }

  recordedBanner() {
    return this.page.getByRole('alert').filter({ hasText: 'Decision recorded' });
  }

  async draft() {
    return this.page.evaluate((k) => sessionStorage.getItem(k), DRAFT_KEY);
  }

  // ----- checks

  async axe(step) {
    const v = await runAxe(this.page);
    return v.length ? [`${step}:\n${formatViolations(v)}`] : [];
  }

  /** No CSP violations, console errors, page errors or failed requests so far. */
  async assertClean() {
    const csp = await this.cspViolations();
    assert.equal(csp.length, 0, `CSP violations:\n${formatViolations(csp)}`);
    assert.equal(this.errors.console.length, 0, `console errors:\n${formatViolations(this.errors.console)}`);
    assert.equal(this.errors.page.length, 0, `page errors:\n${formatViolations(this.errors.page)}`);
    assert.equal(this.errors.requestFailed.length, 0, `failed requests:\n${formatViolations(this.errors.requestFailed)}`);
  }

  async close() {
    await this.context.close().catch(() => {});
  }
}

/** Runs `body(app)` in a fresh app session, always screenshotting and closing. */
export async function withApp(suite, name, body, contextOpts) {
  const app = await openApp(suite, name, contextOpts);
  try {
    await body(app);
  } catch (err) {
    await app.shot('failure').catch(() => {});
    throw err;
  } finally {
    await app.close();
  }
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
