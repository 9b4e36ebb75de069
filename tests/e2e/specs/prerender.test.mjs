// The first page without waiting for wasm (issue 14): the standalone app's start page is in
// index.html, rendered at build time by the app's own view code (src/web/prerender.rs).
// Readable with scripts off; the app draws the very same page in its place with nothing
// repainted in between; a click made while the wasm loads is not lost; and a tab returning
// to its draft never shows the start page for a moment.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startAppServer } from "../serve.mjs";
import { launchBrowser, openPage, formatViolations } from "../lib/browser.mjs";
import { DRAFT_KEY, DIST_DIR } from "../lib/journey.mjs";

const APP_TIMEOUT = 30_000;
let browser, server;
before(async () => {
  server = await startAppServer({ root: DIST_DIR });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const ready = (page) => page.waitForFunction(() => document.documentElement.dataset.appState === "ready", null, { timeout: APP_TIMEOUT });

/** The start page as the server sends it, before any script: #app's markup. */
async function prerenderedApp(page) {
  const html = await (await page.request.get(`${server.url}/`)).text();
  return page.evaluate((text) => new DOMParser().parseFromString(text, "text/html").getElementById("app").innerHTML, html);
}

/** A page's structure as a comparable tree: tags, attributes (sorted) and text. */
function shape(page, html) {
  return page.evaluate((markup) => {
    const box = document.createElement("div");
    box.innerHTML = markup;
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent.trim() ? ["#text", node.textContent.replace(/\s+/g, " ").trim()] : null;
      if (node.nodeType !== Node.ELEMENT_NODE) return null;
      const attributes = [...node.attributes].map((a) => `${a.name}=${a.value}`).sort();
      return [node.localName, attributes, [...node.childNodes].map(walk).filter(Boolean)];
    };
    return JSON.stringify([...box.childNodes].map(walk).filter(Boolean));
  }, html);
}

test("with scripts off the start page is there: what the tool is for, 999, the front door's number", async () => {
  const { page, context } = await openPage(browser, `${server.url}/`, { javaScriptEnabled: false });
  try {
    await assert.doesNotReject(page.locator("#app h1", { hasText: "Front Door Triage" }).waitFor({ timeout: 5000 }));
    const text = await page.locator("body").innerText();
    assert.match(text, /If a child is in immediate danger, call the police on 999 now/);
    assert.match(text, /phone the Demo Borough Integrated Front Door on 01632 960 000/);
    assert.match(text, /This tool needs JavaScript/, "and says the tool itself needs JavaScript");
    assert.equal(await page.getByRole("button", { name: /^Start now/ }).count(), 1);
  } finally {
    await context.close();
  }
});

test("the app draws the same start page in its place, and no frame is painted without it", async () => {
  const { page, context, errors } = await openPage(browser, "about:blank");
  try {
    // From before the page's own scripts: every animation frame, the start page's headings.
    await context.addInitScript(() => {
      window.__frames = [];
      // The heading as the server sent it, caught as the parser adds it.
      new MutationObserver((_, observer) => {
        const heading = document.querySelector("#app h1");
        if (heading) {
          window.__servedHeading = heading;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
      const sample = () => {
        const app = document.getElementById("app");
        if (app) {
          const headings = [...app.querySelectorAll("h1")];
          const box = headings[0]?.getBoundingClientRect();
          window.__frames.push({
            headings: headings.length,
            text: headings[0]?.textContent ?? "",
            top: box?.top ?? null,
            left: box?.left ?? null,
            ready: document.documentElement.dataset.appState === "ready",
          });
        }
        if ((window.__framesAfterReady ?? 0) < 5) {
          if (document.documentElement.dataset.appState === "ready") window.__framesAfterReady = (window.__framesAfterReady ?? 0) + 1;
          requestAnimationFrame(sample);
        }
      };
      requestAnimationFrame(sample);
    });
    await page.goto(`${server.url}/`);
    await ready(page);
    await page.waitForFunction(() => window.__framesAfterReady >= 5, null, { timeout: APP_TIMEOUT });
    const frames = await page.evaluate(() => window.__frames);
    assert.ok(frames.some((f) => !f.ready), "frames were sampled before the app took over");
    assert.ok(frames.some((f) => f.ready), "and after");
    const bad = frames.filter((f) => f.headings !== 1 || f.text !== "Front Door Triage");
    assert.deepEqual(bad, [], "every frame shows exactly one start-page heading");
    const positions = new Set(frames.map((f) => `${f.top},${f.left}`));
    assert.equal(positions.size, 1, `the heading never moves: ${[...positions].join(" | ")}`);
    // The app really took over: the heading node is its own, and the page works.
    assert.equal(await page.evaluate(() => window.__servedHeading?.isConnected), false, "the prerendered heading was replaced by the app's");
    // Same page: the markup the server sent equals what the app drew.
    const served = await shape(page, await prerenderedApp(page));
    const drawn = await shape(page, await page.evaluate(() => document.getElementById("app").innerHTML));
    assert.equal(drawn, served, "the app's start page is the prerendered one, node for node");
    await page.getByRole("button", { name: /^Start now/ }).click();
    await page.locator("h1", { hasText: "Who is using this tool?" }).waitFor({ timeout: 10_000 });
    assert.deepEqual(errors.page, [], formatViolations(errors.page));
  } finally {
    await context.close();
  }
});

// Files the service worker serves bypass route(), so it is kept out where the wasm is held.
const NO_WORKER = { serviceWorkers: "block" };

test("a click on Start now while the wasm loads is not lost", async () => {
  const { page, context, errors } = await openPage(browser, "about:blank", NO_WORKER);
  try {
    let release;
    const wasmHeld = new Promise((resolve) => (release = resolve));
    await context.route("**/*.wasm", async (route) => {
      await wasmHeld;
      await route.continue();
    });
    await page.goto(`${server.url}/`, { waitUntil: "domcontentloaded" });
    const start = page.getByRole("button", { name: /^Start now/ });
    await start.click();
    assert.notEqual(await page.evaluate(() => document.documentElement.dataset.appState), "ready", "clicked before the app ran");
    release();
    await page.locator("h1", { hasText: "Who is using this tool?" }).waitFor({ timeout: APP_TIMEOUT });
    assert.deepEqual(errors.page, [], formatViolations(errors.page));
  } finally {
    await context.close();
  }
});

test("a tab returning to its draft does not show the start page while the wasm loads", async () => {
  const { page, context } = await openPage(browser, `${server.url}/`, NO_WORKER);
  try {
    await ready(page);
    await page.getByRole("button", { name: /^Start now/ }).click();
    await page.getByLabel("Another partner agency").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.locator("h1", { hasText: "Is the child in immediate danger?" }).waitFor({ timeout: 10_000 });
    assert.ok(await page.evaluate((key) => sessionStorage.getItem(key) !== null, DRAFT_KEY), "a draft is kept");
    let release;
    const wasmHeld = new Promise((resolve) => (release = resolve));
    await context.route("**/*.wasm", async (route) => {
      await wasmHeld;
      await route.continue();
    });
    await page.reload({ waitUntil: "domcontentloaded" });
    const shown = await page.evaluate(() => ({
      resuming: document.documentElement.classList.contains("app-resuming"),
      visibility: getComputedStyle(document.getElementById("app")).visibility,
    }));
    assert.deepEqual(shown, { resuming: true, visibility: "hidden" }, "the prerendered start page is not shown");
    release();
    await page.locator("h1", { hasText: "Is the child in immediate danger?" }).waitFor({ state: "visible", timeout: APP_TIMEOUT });
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("app")).visibility), "visible");
  } finally {
    await context.close();
  }
});
