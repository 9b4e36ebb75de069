// Time to first question, visible and interactive (row 2 of scripts/bench), for the
// standalone app, the widget in portal-demo.html and their static baselines, with and
// without network emulation. Used by bench.mjs; BENCHMARKS.md ("How each figure is
// measured", 2) defines every figure in words.

import { readFileSync } from "node:fs";

/** The network emulation of the throttled runs (Chrome DevTools Protocol units). */
export const THROTTLE = {
  offline: false,
  latency: 150, // ms added to each request's round trip
  downloadThroughput: 200_000, // bytes/s: 1.6 Mbit/s
  uploadThroughput: 93_750, // bytes/s: 750 kbit/s
};

const SAFETY_HEADING = "Is the child in immediate danger?";

/**
 * What counts, in a root (the document, or a widget's shadow root):
 *   visible: every element listed is in the DOM with the text given, and has a non-zero
 *            box; every stylesheet <link> of that root has loaded; and `marker` has the
 *            computed style that only the app's stylesheet gives it;
 *   click:   the element clicked once visible;
 *   effect:  what shows that the click was processed.
 */
const safetyQuestion = {
  visible: [
    { sel: "fieldset legend h1", text: SAFETY_HEADING },
    { sel: "label.govuk-radios__label", text: "Yes" },
    { sel: "label.govuk-radios__label", text: "No" },
  ],
  // GOV.UK Frontend hides the native radio (opacity 0) and draws it from the label.
  marker: { sel: 'input.govuk-radios__input[type="radio"]', prop: "opacity", value: "0" },
  click: { sel: 'input[type="radio"][id$="immediate-danger-2"]' },
};
const startPage = {
  visible: [{ sel: "button.govuk-button--start", text: "Start now" }],
  // The start button is a flex box only with GOV.UK Frontend's start-button rule.
  marker: { sel: "button.govuk-button--start", prop: "display", value: "inline-flex" },
  click: { sel: "button.govuk-button--start" },
};
// The app took the answer: its draft (sessionStorage, the key of the widget whose radio
// was clicked; standalone, the plain key) records immediate_danger: false.
const draftTook = (draftKey) => ({
  checked: true,
  draft: { key: draftKey, idSuffix: "immediate-danger-2", answer: "immediate_danger", value: false },
});

/** The probe targets of each kind of run. `host`: the shadow host, or none for the page. */
export function targetsFor(kind, draftKey) {
  switch (kind) {
    case "static":
      return [{ name: "question", ...safetyQuestion, effect: { checked: true } }];
    case "appSafety":
      return [{ name: "question", ...safetyQuestion, effect: draftTook(draftKey) }];
    case "appStart":
      // The click opens the audience question.
      return [{ name: "start", ...startPage, effect: { selector: { sel: 'input[type="radio"][name="audience"]' } } }];
    case "portalStatic":
      return [{ name: "api", host: "#triage-api", ...safetyQuestion, effect: { checked: true } }];
    case "portalSafety":
      return [
        { name: "api", host: "#triage-api", ...safetyQuestion, effect: draftTook(draftKey) },
        { name: "element", host: "#triage-element", ...safetyQuestion, effect: draftTook(draftKey) },
      ];
    case "portalStart": {
      // The portal presets the audience, so the click opens the safety question.
      const effect = { selector: { sel: 'input[type="radio"][id$="immediate-danger-2"]' } };
      return [
        { name: "api", host: "#triage-api", ...startPage, effect },
        { name: "element", host: "#triage-element", ...startPage, effect },
      ];
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

// Runs in the page before any of its scripts (an init script), top frame only. Checks the
// targets at the start, at DOMContentLoaded and load, and on every DOM mutation (of the
// document and of every shadow root, watched as it is attached); once a target's elements
// are all there, it checks them in every animation frame until they are visible, reading
// their boxes (which forces style and layout) and stamping performance.now(), which counts
// from the navigation's start. In that first visible frame it clicks, and stamps
// "interactive" when the click's effect shows (checked at once, after microtasks, then in
// the next few tasks and on every mutation), again after a forced layout. A click whose
// effect has not shown by the next frame (a prerendered button the app has not taken
// over yet) is repeated there, unless the page has kept it for the app (aria-busy).
export const QUESTION_PROBE = ({ storage, targets }) => {
  if (window !== window.top) return;
  for (const [k, v] of Object.entries(storage || {})) sessionStorage.setItem(k, v);
  const now = () => performance.now();
  const state = targets.map((t) => ({ t, found: null, visible: null, interactive: null, attempts: 0, clicked: null }));
  window.__benchState = state;
  let clicking = false;
  // A click on a button that only the prerendered HTML has (no app yet) must not submit
  // a form and navigate away.
  const guard = (e) => {
    if (clicking) e.preventDefault();
  };
  const observed = new WeakSet();
  const mo = new MutationObserver(() => onChange());
  const watch = (root) => {
    if (!root || observed.has(root)) return;
    observed.add(root);
    mo.observe(root, { childList: true, subtree: true, characterData: true });
    root.addEventListener("submit", guard, true);
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch(root);
    onChange();
    return root;
  };
  const rootOf = (t) => {
    if (!t.host) return document;
    const root = document.querySelector(t.host)?.shadowRoot ?? null;
    watch(root); // declarative shadow roots come from the parser, not attachShadow
    return root;
  };
  const textOf = (el) => el.textContent.replace(/\s+/g, " ").trim();
  const find = (root, q) => {
    for (const el of root.querySelectorAll(q.sel)) if (q.text == null || textOf(el) === q.text) return el;
    return null;
  };
  const present = (s, root) => s.t.visible.every((q) => find(root, q));

  // A task queue without setTimeout's clamping.
  const channel = new MessageChannel();
  let tasks = [];
  channel.port1.onmessage = () => {
    const run = tasks;
    tasks = [];
    for (const f of run) f();
  };
  const soon = (f) => {
    tasks.push(f);
    channel.port2.postMessage(0);
  };

  let frameRequested = false;
  const requestFrame = () => {
    if (frameRequested || state.every((s) => s.interactive != null)) return;
    frameRequested = true;
    requestAnimationFrame(frame);
  };
  function onChange() {
    for (const s of state) {
      check(s);
      if (s.found != null) continue;
      const root = rootOf(s.t);
      if (root && present(s, root)) {
        s.found = now();
        requestFrame();
      }
    }
  }
  function finish() {
    if (window.__bench || !state.every((s) => s.interactive != null)) return;
    mo.disconnect();
    const resources = performance.getEntriesByType("resource");
    const entry = (suffix) => resources.find((e) => new URL(e.name).pathname.endsWith(suffix)) ?? null;
    const wasm = entry(".wasm");
    window.__bench = {
      targets: Object.fromEntries(
        state.map((s) => [
          s.t.name,
          { found: s.found, visible: s.visible, interactive: s.interactive, attempts: s.attempts, kept: !!s.kept, draftKey: s.draftKey ?? null },
        ]),
      ),
      phases: {
        document: performance.getEntriesByType("navigation")[0]?.responseEnd ?? null,
        css: entry("/app.css")?.responseEnd ?? null,
        wasm: wasm?.responseEnd ?? null,
      },
      wasm: wasm && {
        startTime: wasm.startTime,
        requestStart: wasm.requestStart,
        responseStart: wasm.responseStart,
        responseEnd: wasm.responseEnd,
        transferSize: wasm.transferSize,
        encodedBodySize: wasm.encodedBodySize,
        decodedBodySize: wasm.decodedBodySize,
      },
      bytes: resources.reduce((n, e) => n + e.transferSize, 0) + (performance.getEntriesByType("navigation")[0]?.transferSize ?? 0),
    };
  }
  function effectShown(s, root, el) {
    const e = s.t.effect;
    if (e.checked && !el.checked) return false;
    if (e.selector && !find(root, e.selector)) return false;
    if (e.draft) {
      const prefix = el.id.slice(0, el.id.length - e.draft.idSuffix.length).replace(/-$/, "");
      const key = prefix ? `${e.draft.key}:${prefix}` : e.draft.key;
      let draft;
      try {
        draft = JSON.parse(sessionStorage.getItem(key) || "null");
      } catch {
        return false;
      }
      if (draft?.answers?.[e.draft.answer] !== e.draft.value) return false;
      s.draftKey = key;
    }
    return true;
  }
  // A click was made and its effect has not shown yet: check now (after a forced layout
  // when it has, and stamp). Also called on every mutation, so a re-render is seen at once.
  function check(s) {
    if (s.interactive != null || !s.clicked) return s.interactive != null;
    const { root, el } = s.clicked;
    if (!effectShown(s, root, el)) return false;
    void document.documentElement.offsetHeight; // style + layout of the result
    s.interactive = now();
    finish();
    return true;
  }
  function attempt(s, root) {
    const el = find(root, s.t.click);
    if (!el) return;
    if (el.type === "radio" && el.checked) el.checked = false; // a repeat: make it a change again
    s.attempts += 1;
    s.clicked = { root, el };
    clicking = true;
    try {
      el.click();
    } finally {
      clicking = false;
    }
    // At once, after the click's microtasks, then in the next three tasks; after that the
    // next frame checks again and, if the effect has still not shown, clicks again.
    if (check(s)) return;
    let tries = 3;
    const later = () => check(s) || (tries-- > 0 && soon(later));
    queueMicrotask(() => check(s) || soon(later));
  }
  function frame() {
    frameRequested = false;
    let again = false;
    for (const s of state) {
      if (s.interactive != null) continue;
      const root = rootOf(s.t);
      if (!root) continue;
      if (s.visible == null) {
        const els = s.t.visible.map((q) => find(root, q));
        if (els.some((el) => !el)) continue; // gone again: wait for the next mutation
        s.found ??= now();
        again = true;
        const sized = els.every((el) => {
          const r = el.getBoundingClientRect(); // forces style and layout
          return r.width > 0 && r.height > 0;
        });
        const sheets = [...root.querySelectorAll('link[rel~="stylesheet"]')].every((l) => l.sheet);
        const marker = find(root, s.t.marker);
        const styled = marker && getComputedStyle(marker)[s.t.marker.prop] === s.t.marker.value;
        if (!(sized && sheets && styled)) continue;
        s.visible = now();
      }
      again = true;
      // The standalone page keeps a click made before the wasm is there and gives it to the
      // app's button once it is (www/boot.js), marking the button aria-busy: that click
      // counts, so it is waited for, never repeated.
      if (s.clicked?.el.getAttribute("aria-busy") === "true") s.kept = true;
      if (!check(s) && !s.kept) attempt(s, root);
    }
    if (again) requestFrame();
  }

  watch(document);
  onChange();
  document.addEventListener("DOMContentLoaded", () => {
    onChange();
    requestFrame();
  });
  window.addEventListener("load", () => {
    onChange();
    requestFrame();
  });
};

/**
 * One run: a fresh context (no HTTP cache, no service worker), optionally throttled
 * through the DevTools protocol with the cache disabled; resolves to the probe's figures.
 */
export async function firstQuestionRun(browser, url, probe, { throttle = null, contextOptions = {}, timeout = 120_000 } = {}) {
  const context = await browser.newContext(contextOptions);
  try {
    await context.addInitScript(QUESTION_PROBE, probe);
    const page = await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", throttle);
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    }
    await page.goto(url, { waitUntil: "commit", timeout });
    try {
      await page.waitForFunction(() => window.__bench, null, { timeout, polling: 100 });
    } catch (e) {
      const state = await page.evaluate(() => JSON.stringify(window.__benchState)).catch(() => "?");
      throw new Error(`${url}: not interactive within ${timeout} ms (${state}): ${e.message.split("\n")[0]}`);
    }
    const r = await page.evaluate(() => window.__bench);
    if (pageErrors.length) throw new Error(`${url}: page errors: ${pageErrors.join("; ")}`);
    return r;
  } finally {
    await context.close();
  }
}

/**
 * The static copy of the portal page: dist's portal-demo.html without its script, with
 * the safety question of static-question.html where the JS API widget mounts, in a
 * declarative Shadow DOM holding the app's stylesheet as the widget's does.
 */
export function staticPortal(portalHtml, staticQuestionFile) {
  const question = readFileSync(staticQuestionFile, "utf8").match(/<form[\s\S]*<\/form>/);
  if (!question) throw new Error(`${staticQuestionFile} has no <form>`);
  let html = portalHtml.replace(/\s*<script\b[^>]*>\s*<\/script>/g, "");
  const slot = /(<div id="triage-api"[^>]*>)(<\/div>)/;
  if (!slot.test(html)) throw new Error('portal-demo.html has no empty <div id="triage-api"> to fill');
  html = html.replace(
    slot,
    `$1<template shadowrootmode="open"><div class="app-host"><link rel="stylesheet" href="app.css"><div>${question[0]}</div></div></template>$2`,
  );
  return html;
}

/**
 * The throttling check: the wasm fetched on its own in a throttled page; its first byte
 * should come about `latency` after the request and the rest at downloadThroughput.
 */
export async function throttleCheck(browser, origin, file, throttle, samples = 3) {
  const out = [];
  for (let i = 0; i < samples; i += 1) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", throttle);
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await page.goto(`${origin}/favicon.svg`);
      out.push(
        await page.evaluate(async (f) => {
          const t0 = performance.now();
          const res = await fetch(f, { cache: "no-store" });
          await res.arrayBuffer();
          const t1 = performance.now();
          const e = performance.getEntriesByType("resource").find((x) => new URL(x.name).pathname === f);
          return {
            total: t1 - t0,
            firstByte: e.responseStart - e.requestStart,
            transfer: e.responseEnd - e.responseStart,
            encoded: e.encodedBodySize,
            decoded: e.decodedBodySize,
          };
        }, file),
      );
    } finally {
      await context.close();
    }
  }
  return out;
}
