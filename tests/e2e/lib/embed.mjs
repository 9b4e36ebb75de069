// Helpers for the embedding spec (contracts 4.5): a site that serves the built app together
// with the fixture host pages, a widget driver scoped to one embedded widget (a Shadow DOM
// host or an iframe), and problem collection across every frame of a page.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, DIST_DIR, HEADINGS, escapeRe } from './journey.mjs';
import { AXE_TAGS, formatViolations, saveScreenshot } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = path.resolve(HERE, '..', 'fixtures', 'embed');

/** Where the fixture host pages are served, next to the app's own files. */
export const HOST_DIR = 'host';

/**
 * A temporary copy of the built app (dist/) with the fixture host pages in /host/, so
 * the hosts can import /front-door-triage.js from their own origin (script-src 'self').
 * Returns { root, remove() }.
 */
export function buildSite() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'fdt-embed-site-'));
  cpSync(DIST_DIR, root, { recursive: true });
  cpSync(FIXTURES_DIR, path.join(root, HOST_DIR), { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** First render compiles the wasm; on a loaded 2-core box that can take a while. */
export const APP_TIMEOUT = 30_000;
export const STEP_TIMEOUT = 10_000;

/**
 * Drives one embedded widget. `root` is a Playwright Locator for the widget's host
 * element (Playwright's CSS and role locators pierce open Shadow DOM) or for the body of
 * the iframe's document. Reuses the journey helpers of lib/journey.mjs, which only need
 * `getByRole`, `getByLabel` and `locator` on `this.page`.
 */
export class Widget extends App {
  /** `sizedByHost`: the root is an iframe's body and the host sizes the frame to its content. */
  constructor({ page, root, name, errors, cspViolations, sizedByHost = false }) {
    super({ page: root, errors, cspViolations }, name, '');
    this.realPage = page;
    this.root = root;
    this.sizedByHost = sizedByHost;
  }

  /**
   * A frame the host sizes from resize messages is briefly shorter than a step that has
   * just grown. Playwright scrolls inside the frame to reach a control, the host then
   * grows the frame, the frame's scroll snaps back to the top, and the click lands on
   * whatever moved under the pointer. A person clicks after the frame has grown; so does
   * the test: it waits until the content fits the frame.
   */
  async settled() {
    if (!this.sizedByHost) return;
    const fits = () => this.root.evaluate(() => ({
      content: document.documentElement.scrollHeight,
      frame: window.innerHeight,
    }));
    const deadline = Date.now() + STEP_TIMEOUT;
    for (;;) {
      const { content, frame } = await fits();
      if (content <= frame) return;
      if (Date.now() > deadline) {
        throw new Error(`${this.name}: the host never sized the frame to its content ` +
          `(${content}px of content, ${frame}px of frame): the frame stays scrollable and clicks race its resizing`);
      }
      await this.realPage.waitForTimeout(50);
    }
  }

  h1() {
    return this.root.locator('h1');
  }

  async expectHeading(text, timeout = STEP_TIMEOUT) {
    const want = typeof text === 'string' ? new RegExp(`^\\s*${escapeRe(text)}\\s*$`) : text;
    try {
      await this.root.locator('h1', { hasText: want }).first().waitFor({ state: 'visible', timeout });
    } catch {
      const now = await this.h1().allInnerTexts().catch(() => []);
      throw new Error(`${this.name}: expected the heading ${want} but the widget shows ${JSON.stringify(now)}\n` +
        `console errors:\n${formatViolations(this.errors?.console)}\npage errors:\n${formatViolations(this.errors?.page)}`);
    }
  }

  outcome() {
    return this.root.locator('[data-pathway][data-level]');
  }

  /** The widget's visible text (a shadow host's own innerText would leave its shadow tree out). */
  text() {
    return this.root.evaluate((el) =>
      el.shadowRoot ? [...el.shadowRoot.children].map((c) => c.innerText ?? '').join('\n') : el.innerText,
    );
  }

  /** Saves screenshots/<name>-<step>.png of the whole host page (a repeat gets -2, -3...). */
  async shot(step) {
    this.shots ??= new Set();
    let file = `${this.name}-${step}`;
    for (let i = 2; this.shots.has(file); i += 1) file = `${this.name}-${step}-${i}`;
    this.shots.add(file);
    await saveScreenshot(this.realPage, file);
  }

  /**
   * A guided journey for a widget whose audience the host fixed (so Start goes straight
   * to the safety question), ending on the outcome page. `afterStep(step)` runs after
   * each step change. c = { child, concerns, strengths, consent }. With `started`, the
   * widget is already on the safety question with "No" chosen.
   */
  async journey(c, { afterStep = async () => {}, started = false } = {}) {
    if (!started) {
      await this.click(this.startButton());
      await this.expectHeading(HEADINGS.safety);
      await afterStep('safety');
      await this.answerSafety(false);
    }
    await this.next(HEADINGS.child);
    await afterStep('child');
    await this.answerChild(c.child);
    await this.next(HEADINGS.concerns);
    await afterStep('concerns');
    await this.tickConcerns(c.concerns ?? []);
    if ((c.concerns ?? []).length === 0) {
      await this.next(HEADINGS.noConcerns);
      await this.next(HEADINGS.strengths, 'Continue without a concern');
    } else {
      await this.next(HEADINGS.strengths);
    }
    await afterStep('strengths');
    await this.tickStrengths(c.strengths ?? []);
    await this.next(HEADINGS.views);
    await afterStep('views');
    await this.answerViews({ consent: c.consent ?? 'given' });
    await this.next(HEADINGS.check);
    await afterStep('check');
    await this.getRecommendation();
    await afterStep('outcome');
  }
}

/** The Case (contracts 4.1) that a `Widget.journey` input describes, for `triage decide`. */
export function caseOf(c, audience = 'school_dsl') {
  const { years = 0, months = 0, send = false, known = 'none' } = c.child;
  return {
    child: {
      age_years: Number(years) + Number(months || 0) / 12,
      unborn: false,
      non_mobile: false,
      disabled_or_send: send,
      known_to_social_care: known,
    },
    immediate_danger: false,
    concerns: c.concerns ?? [],
    strengths: c.strengths ?? [],
    consent: c.consent ?? 'given',
    audience,
  };
}

/** CSP violations reported by the `securitypolicyviolation` listener in every frame. */
export async function cspFromAllFrames(page) {
  const all = [];
  for (const frame of page.frames()) {
    try {
      const list = (await frame.evaluate(() => window.__cspViolations || [])) || [];
      for (const v of list) all.push({ ...v, frame: frame.url() });
    } catch {
      // a frame that went away: the console channel still has its violations
    }
  }
  return all;
}

/**
 * Asserts no CSP violations (all frames, both channels), page errors, failed requests or
 * console errors, except console errors matching one of `allowConsole` (RegExps) and
 * failed requests whose URL matches one of `allowRequests`.
 */
export async function assertClean(opened, { allowConsole = [], allowRequests = [], where = '' } = {}) {
  const csp = [...(await cspFromAllFrames(opened.page)), ...(await opened.cspViolations()).filter((v) => v.source === 'console')];
  assert.deepEqual(csp, [], `${where}CSP violations:\n${formatViolations(csp)}`);
  const consoleErrors = opened.errors.console.filter((m) => !allowConsole.some((re) => re.test(m)));
  assert.deepEqual(consoleErrors, [], `${where}console errors:\n${formatViolations(consoleErrors)}`);
  assert.deepEqual(opened.errors.page, [], `${where}page errors:\n${formatViolations(opened.errors.page)}`);
  const failed = opened.errors.requestFailed.filter((r) => !allowRequests.some((re) => re.test(r.url)));
  assert.deepEqual(failed, [], `${where}failed requests:\n${formatViolations(failed)}`);
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG A/AA rules on `target` (a Page or Frame), limited to `include` (axe
 * context selectors; a shadow host's selector covers its open Shadow DOM). Returns
 * { violations, inspected }: `inspected` counts the nodes axe checked, so a test can
 * tell a clean widget from a selector that matched nothing.
 */
export async function runAxeOn(target, include) {
  const loaded = await target.evaluate(`${AXE_SOURCE}\n;typeof window.axe === 'object'`);
  assert.ok(loaded, 'axe-core did not load');
  const result = await target.evaluate(
    ([tags, include]) =>
      window.axe.run(include ? { include } : document, { runOnly: { type: 'tag', values: tags } }).then((r) => ({
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => JSON.stringify(n.target)),
        })),
        inspected: [...r.passes, ...r.violations, ...r.incomplete].reduce((n, v) => n + v.nodes.length, 0),
      })),
    [AXE_TAGS, include ?? null],
  );
  return result;
}
