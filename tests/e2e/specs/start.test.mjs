// Start page: renders under the production CSP, is accessible, degrades
// without JavaScript, and fetches nothing but its own static files.
//
// Serves $DIST_DIR (default <repo>/dist, i.e. the output of `trunk build`).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAppServer } from '../serve.mjs';
import { launchBrowser, openPage, runAxe, saveScreenshot, formatViolations } from '../lib/browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST_DIR = path.resolve(process.env.DIST_DIR || path.join(HERE, '..', '..', '..', 'dist'));
const RENDER_TIMEOUT = 30_000; // first wasm compile can be slow on a 2-core CI box

let server;
let browser;

before(async () => {
  assert.ok(
    existsSync(path.join(DIST_DIR, 'index.html')),
    `${DIST_DIR}/index.html not found: build the app first (trunk build) or set DIST_DIR`,
  );
  server = await startAppServer({ root: DIST_DIR });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The primary action: a <button> or a link styled as one, named "Start…". */
function startControl(page) {
  return page
    .getByRole('button', { name: /^Start/ })
    .or(page.getByRole('link', { name: /^Start/ }))
    .first();
}

/**
 * Wait until the wasm app has rendered its start page. If it never does, fail with
 * the CSP violations and errors collected so far: a blocked script or wasm
 * compile is the usual reason, and a bare timeout would hide it.
 */
async function waitForApp({ page, errors, cspViolations }) {
  try {
    await page
      .locator('h1', { hasText: 'Front Door Triage' })
      .waitFor({ state: 'visible', timeout: RENDER_TIMEOUT });
    // index.html may already contain that <h1> as a pre-render/fallback, so
    // also wait for the Start control, which only the running app renders.
    await startControl(page).waitFor({ state: 'visible', timeout: RENDER_TIMEOUT });
  } catch (err) {
    const csp = await cspViolations();
    throw new Error(
      `app did not render its start page (${err.message.split('\n')[0]})\n` +
        `CSP violations:\n${formatViolations(csp)}\n` +
        `console errors:\n${formatViolations(errors.console)}\n` +
        `page errors:\n${formatViolations(errors.page)}`,
    );
  }
  // Let late fetches (and any CSP violations they cause) settle.
  await page.waitForLoadState('networkidle');
}

/** Open `/` in a fresh context and wait until the app has rendered. */
async function openStartPage() {
  const opened = await openPage(browser, `${server.url}/`);
  try {
    await waitForApp(opened);
  } catch (err) {
    await opened.context.close();
    throw err;
  }
  return opened;
}

test('start page renders under the strict CSP with no violations and no console errors', async () => {
  const opened = await openPage(browser, `${server.url}/`);
  const { page, errors, cspViolations, context } = opened;
  try {
    await waitForApp(opened);

    assert.ok(await startControl(page).isVisible(), 'a visible button or link named "Start…"');
    assert.ok(
      await page.getByText(/professional judgement/i).first().isVisible(),
      'the page says it does not replace "professional judgement"',
    );

    const csp = await cspViolations();
    assert.equal(csp.length, 0, `CSP violations:\n${formatViolations(csp)}`);
    assert.equal(errors.console.length, 0, `console errors:\n${formatViolations(errors.console)}`);
    assert.equal(errors.page.length, 0, `page errors:\n${formatViolations(errors.page)}`);
  } finally {
    // Always leave a picture, especially when something above failed.
    await saveScreenshot(page, 'start').catch(() => {});
    await context.close();
  }
});

test('start page has no axe violations', async () => {
  const { page, context } = await openStartPage();
  try {
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, `axe violations:\n${formatViolations(violations)}`);
  } finally {
    await context.close();
  }
});

test('built HTML has no inline script or style', () => {
  // Anything inline would need 'unsafe-inline' (or hashes) in the CSP. Checked
  // on the file itself so the failure names the culprit, not just "blocked".
  const html = readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const problems = [];

  // Every <script> must have src. Data blocks and import maps count as
  // inline too: an importmap is governed by script-src as well.
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\ssrc\s*=/i.test(` ${m[1]}`)) problems.push(`inline <script${m[1]}>${m[2].trim().slice(0, 80)}`);
  }
  // Drop script bodies so their text isn't mistaken for markup below.
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, '$1$2');

  if (/<style\b/i.test(markup)) problems.push('<style> element');
  const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'=<>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  const ATTR = /([^\s"'=<>\/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
  for (const [, tag, attrs] of markup.matchAll(TAG)) {
    for (const [, name] of attrs.matchAll(ATTR)) {
      if (/^style$/i.test(name)) problems.push(`style= attribute on <${tag}>`);
      if (/^on[a-z]+$/i.test(name)) problems.push(`${name}= handler on <${tag}>`);
    }
  }
  assert.equal(problems.length, 0, `inline code in index.html:\n${formatViolations(problems)}`);
});

test('without JavaScript the page still tells the user what to do', async () => {
  const { page, context } = await openPage(browser, `${server.url}/`, { javaScriptEnabled: false });
  try {
    const text = await page.locator('body').innerText();
    assert.match(text, /999/, `no-JS page should mention 999; got:\n${text}`);
    assert.match(text, /front door/i, `no-JS page should mention the front door; got:\n${text}`);
  } finally {
    await context.close();
  }
});

test('only same-origin GETs of static files', async () => {
  const { requests, errors, context } = await openStartPage();
  try {
    const origin = new URL(server.url).origin;
    assert.ok(requests.length > 0, 'the page made no requests at all?');
    // data: URLs are allowed by img-src and never leave the browser.
    const offending = requests.filter(
      (r) => r.method !== 'GET' || (!r.url.startsWith('data:') && new URL(r.url).origin !== origin),
    );
    assert.equal(offending.length, 0, `unexpected requests:\n${formatViolations(offending)}`);
    assert.equal(errors.requestFailed.length, 0, `failed requests:\n${formatViolations(errors.requestFailed)}`);
    // The server's own log agrees (it also sees what the browser fetches on
    // its own, e.g. /favicon.ico).
    const nonGet = server.requests.filter((r) => r.method !== 'GET');
    assert.equal(nonGet.length, 0, `non-GET requests reached the server:\n${formatViolations(nonGet)}`);
  } finally {
    await context.close();
  }
});
