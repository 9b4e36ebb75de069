// Shared by the embedding specs (one file per way of embedding): the two servers and the
// browser, the cases they use and the checks that a host page never pays for a widget.
//
// Origins: the app (and the JS API and custom element hosts, which must import
// /front-door-triage.js from their own origin) is served at http://127.0.0.1:<P>. The
// iframe host is a second server at http://localhost:<Q>, a different origin; the same
// server reached as http://127.0.0.1:<Q> is a third origin. The app's server sends the
// strict CSP, with frame-ancestors on embed.html widened to let the iframe host frame it,
// as a deployment names its partner portals (deploy/). With E2E_SERVER=nginx the app's
// server is nginx with the shipped configuration; the portal host stays this Node server.
//
// The servers and browser are exported as live bindings, set by `useEmbedHosts()`'s
// `before` hook in each spec file.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startServer, startAppServer } from '../serve.mjs';
import { launchBrowser, openPage } from './browser.mjs';
import { RECORD_SCHEMA, decide } from './journey.mjs';
import { Widget, buildSite, APP_TIMEOUT, HOST_DIR } from './embed.mjs';

export let site, appServer, hostServer, browser;
export let appOrigin, hostOrigin, thirdOrigin;

/** Starts the servers and the browser before the spec file's tests, and stops them after. */
export function useEmbedHosts() {
  before(async () => {
    site = buildSite();
    // The fixture host server: frames anything from 127.0.0.1 (the app, and the third
    // origin), and may itself be framed by the iframe host (the third-origin frame).
    hostServer = await startServer({
      root: site.root,
      csp: "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "frame-src http://127.0.0.1:*; frame-ancestors 'self' http://localhost:*",
    });
    const hostPort = new URL(hostServer.url).port;
    hostOrigin = `http://localhost:${hostPort}`;
    thirdOrigin = `http://127.0.0.1:${hostPort}`;
    appServer = await startAppServer({ root: site.root, partnerOrigins: [hostOrigin] });
    appOrigin = appServer.url;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await appServer?.close();
    await hostServer?.close();
    site?.remove();
  });
}

export const T = { timeout: 90_000 };

/** A case per contracts 4.1: a school DSL's, prefilled by the host. */
export const PREFILL = {
  child: { age_years: 7, unborn: false, non_mobile: false, disabled_or_send: false, known_to_social_care: 'none' },
  immediate_danger: false,
  concerns: ['domestic_abuse.child_witnessed'],
  strengths: [],
  consent: 'given',
  audience: 'school_dsl',
};

export const FAMILY_HELP = {
  child: { years: 7, months: 6, send: false, known: 'none' },
  concerns: ['domestic_abuse.child_witnessed'],
  strengths: ['strength.trusted_adult'],
  consent: 'given',
};
export const SIGNPOST = {
  child: { years: 9, send: false, known: 'none' },
  concerns: ['learning.attendance_persistent_absence'],
  consent: 'not_asked',
};

/** Opens a host page with a step timeout that suits a loaded box. */
export async function open(url) {
  const opened = await openPage(browser, url);
  opened.context.setDefaultTimeout(10_000);
  return opened;
}

/** Opens the JS API host page and waits until init() has resolved. */
export async function openApiHost() {
  const opened = await open(`${appOrigin}/${HOST_DIR}/api.html`);
  await opened.page.waitForFunction(() => window.__ready === true, null, { timeout: APP_TIMEOUT });
  return opened;
}

export function widget(opened, root, name, { sizedByHost = false } = {}) {
  return new Widget({ ...opened, root, name, sizedByHost });
}

/** What the host page owns and an embedded widget must never change. */
export function hostState(page) {
  return page.evaluate(() => ({ href: location.href, historyLength: history.length, title: document.title }));
}

/** Where focus is, as the host page sees it and inside the widget's shadow root. */
export function focusIn(page, hostId) {
  return page.evaluate((id) => {
    const host = document.getElementById(id);
    const inner = host.shadowRoot && host.shadowRoot.activeElement;
    return {
      onHost: document.activeElement === host,
      active: document.activeElement ? `${document.activeElement.tagName}#${document.activeElement.id}` : null,
      inner: inner ? inner.tagName : null,
      innerText: inner ? inner.textContent.trim().slice(0, 60) : null,
    };
  }, hostId);
}

/**
 * After each step change: the host page's URL, history and title are as they were, and
 * focus is on the widget (the new step's heading), never elsewhere in the host page.
 */
export function hostNeverPays(page, hostId, baseline) {
  return async (step) => {
    assert.deepEqual(await hostState(page), baseline, `the host page changed on the ${step} step`);
    const focus = await focusIn(page, hostId);
    assert.ok(focus.onHost, `focus left the widget #${hostId} on the ${step} step: ${JSON.stringify(focus)}`);
    assert.equal(focus.inner, 'H1', `the ${step} step's heading has focus inside the widget: ${JSON.stringify(focus)}`);
  };
}

export function assertRecord(record, expectedCase, what) {
  assert.equal(record.schema, RECORD_SCHEMA, `${what}: schema`);
  assert.deepEqual(record.recommendation, decide(expectedCase), `${what}: recommendation equals triage decide`);
  assert.deepEqual(record.recommendation, decide(record.case), `${what}: recommendation equals triage decide on the record's own case`);
  assert.match(record.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/, `${what}: created_at`);
}

export function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Starts recording whether a "Start now" button ever appears in `id`'s shadow root. */
export function watchForStart(page, ids) {
  return page.evaluate((ids) => {
    window.__startSeen = window.__startSeen || {};
    for (const id of ids) {
      const root = document.getElementById(id).shadowRoot;
      window.__startSeen[id] = false;
      const look = () => {
        if ([...root.querySelectorAll('button')].some((b) => /Start now/.test(b.textContent))) window.__startSeen[id] = true;
      };
      new MutationObserver(look).observe(root, { childList: true, subtree: true, characterData: true });
      look();
    }
  }, ids);
}

// Markup a host (or whoever fills its configuration) could pass in: it must reach the
// screen as text, never as elements, and never run.
export const XSS_IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
export const XSS_SCRIPT = '<script>window.__pwned=1</script>';

/** The markup that would show an injection worked, in a widget's shadow root or a document. */
export function injected(target) {
  return target.evaluate(() => {
    const scopes = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
    const found = scopes.flatMap((s) => [...s.querySelectorAll('img, a[href^="javascript:"], main script, .app-host script, iframe[srcdoc]')]);
    return { elements: found.map((e) => e.outerHTML.slice(0, 80)), pwned: window.__pwned ?? null };
  });
}
