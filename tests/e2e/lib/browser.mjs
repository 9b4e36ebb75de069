// Browser helpers for the e2e specs: launch the system Chromium, open a page
// with every kind of error collected, run axe-core, save screenshots.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = path.resolve(HERE, '..', 'screenshots');

// We never download a browser: use Debian's Chromium (override with
// CHROMIUM_PATH). --no-sandbox because we run as root; the rest keep Chromium
// from phoning home (no network here, and it would pollute request logs).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

// Runs in the page before any of its own scripts. It is injected through the
// DevTools protocol (Page.addScriptToEvaluateOnNewDocument), which the page's
// CSP does not govern, so it works even under the strict policy
// (verified: see README). It re-runs on every navigation.
const CSP_LISTENER = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({
      directive: e.violatedDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      source: 'event',
    });
  });
};

/**
 * Open `url` in a fresh context + page, collecting problems as they happen.
 * opts: any browser.newContext() options (e.g. { javaScriptEnabled: false }),
 *       plus `waitUntil` for page.goto (default 'load').
 * Returns { context, page, errors: { console, page, requestFailed },
 *           requests, cspViolations: async () => [...] }.
 */
export async function openPage(browser, url, opts = {}) {
  const { waitUntil = 'load', ...contextOptions } = opts;
  const context = await browser.newContext(contextOptions);
  await context.addInitScript(CSP_LISTENER);
  const page = await context.newPage();

  const errors = { console: [], page: [], requestFailed: [] };
  const requests = []; // every request the page made: { method, url, resourceType }
  const cspFromConsole = []; // survives navigations, unlike window.__cspViolations

  page.on('console', (msg) => {
    // Keep the source URL: "Failed to load resource: 404" alone doesn't say
    // which file (often /favicon.ico, which Chromium requests by itself).
    if (msg.type() === 'error') {
      const at = msg.location()?.url;
      errors.console.push(at ? `${msg.text()} (at ${at})` : msg.text());
    }
    // Chromium also reports each violation as a console message ("Refused to
    // ... because it violates the following Content Security Policy
    // directive"); a second, independent channel in case the event is missed
    // (e.g. violations raised before the init script ran, or in a worker).
    if (/Content Security Policy/i.test(msg.text())) {
      cspFromConsole.push({ message: msg.text(), source: 'console' });
    }
  });
  page.on('pageerror', (err) => errors.page.push(String(err?.stack || err)));
  // A reload or navigation aborts whatever the old document still had in
  // flight (Chromium fetches the favicon after `load`, so a quick reload can
  // catch it). That abort belongs to the navigation, not to the app, so each
  // request is tagged with the document that made it, and only an ERR_ABORTED
  // from a document since navigated away from is excused. Any other failure,
  // and any abort in the current document, still fails the test. A document
  // starts with its navigation request, not at `framenavigated`, which
  // history.pushState fires too.
  let documentsLoaded = 0;
  const madeByDocument = new WeakMap();
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) documentsLoaded += 1;
    madeByDocument.set(req, documentsLoaded);
    requests.push({ method: req.method(), url: req.url(), resourceType: req.resourceType() });
  });
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText;
    const leftBehind =
      failure === 'net::ERR_ABORTED' &&
      req.resourceType() !== 'document' &&
      madeByDocument.get(req) < documentsLoaded;
    if (!leftBehind) errors.requestFailed.push({ method: req.method(), url: req.url(), failure });
  });
  // An HTTP error status is not a "requestfailed" to Playwright, but for a
  // static app a 404 for one of its own files is just as broken.
  page.on('response', (res) => {
    if (res.status() >= 400) {
      errors.requestFailed.push({ method: res.request().method(), url: res.url(), status: res.status() });
    }
  });

  await page.goto(url, { waitUntil });

  async function cspViolations() {
    let fromEvents = [];
    try {
      fromEvents = (await page.evaluate(() => window.__cspViolations)) || [];
    } catch {
      // page closed or mid-navigation: the console channel still has them
    }
    return [...fromEvents, ...cspFromConsole];
  }

  return { context, page, errors, requests, cspViolations };
}

// axe-core's own bundle, resolved through node's module resolution so it is
// always the pinned version from package-lock.json.
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Run axe-core on the current page and return compact violations
 * [{ id, impact, help, nodes: [target selectors] }].
 *
 * Injection: page.evaluate(source) goes through the DevTools protocol
 * (Runtime.evaluate), which the page's CSP does not block, so axe runs under
 * the strict policy without bypassCSP and without weakening the page's CSP.
 * (A <script> tag via page.addScriptTag would be refused by script-src.)
 */
export async function runAxe(page) {
  const loaded = await page.evaluate(`${AXE_SOURCE}\n;typeof window.axe === 'object'`);
  if (!loaded) throw new Error('runAxe: axe-core did not load into the page');
  const violations = await page.evaluate(
    (tags) =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values: tags } })
        .then((r) => r.violations),
    AXE_TAGS,
  );
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Full-page PNG at tests/e2e/screenshots/<name>.png; returns the path. */
export async function saveScreenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Readable assertion message for any list of findings (axe violations, CSP
 * violations, console errors, failed requests): one numbered line each.
 */
export function formatViolations(v) {
  if (!v || v.length === 0) return '(none)';
  return v
    .map((item, i) => {
      if (item && item.id && item.help) {
        return `${i + 1}. [${item.impact}] ${item.id}: ${item.help}\n     at ${item.nodes.join('\n     at ')}`;
      }
      return `${i + 1}. ${typeof item === 'string' ? item : JSON.stringify(item)}`;
    })
    .join('\n');
}
