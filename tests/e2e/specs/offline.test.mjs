// Offline: after one visit the standalone app loads and completes a journey with the
// network off (service worker), and a new deployment replaces the cache cleanly.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startAppServer, startServer } from "../serve.mjs";
import { launchBrowser, openPage, saveScreenshot } from "../lib/browser.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const distDir = process.env.DIST_DIR || join(here, "..", "..", "..", "dist");
let browser, root, server;
before(async () => {
  // A private copy, so the "new deployment" test can change it.
  root = mkdtempSync(join(tmpdir(), "fdt-offline-"));
  cpSync(distDir, root, { recursive: true });
  server = await startAppServer({ root });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Polls an async page function until it returns true (waitForFunction does not await). */
async function until(page, fn, what, timeout = 30000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await page.evaluate(fn)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function waitForServiceWorker(page) {
  await until(
    page,
    async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return Boolean(registration?.active && navigator.serviceWorker.controller);
    },
    "the service worker to control the page",
  );
}

test("after one visit the app loads and completes a journey offline", async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByRole("button", { name: /^Start now/ }).waitFor({ timeout: 30000 });
  await waitForServiceWorker(page);
  await context.setOffline(true);
  const before = server.requests.length;
  await page.reload();
  await page.getByRole("button", { name: /^Start now/ }).click();
  await page.getByLabel("Another partner agency").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Yes", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Call 999 now" }).waitFor();
  await page.getByRole("button", { name: "Continue to record the details" }).click();
  await page.getByLabel("Yes", { exact: true }).first().check();
  await page.getByLabel("Years").fill("9");
  await page.locator("#disabled-or-send-2").check();
  await page.locator("#known-to-social-care").check();
  await page.locator("#previous-contacts").check();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Continue" }).click();
  // In immediate danger consent cannot change the outcome, so it is not asked.
  await page.getByRole("heading", { name: "The family's views and the child's voice" }).waitFor();
  assert.equal(await page.getByLabel("Not safe to ask").count(), 0, "no consent question for a 999 case");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Get recommendation" }).click();
  const panel = page.locator("[data-pathway]");
  await panel.waitFor();
  assert.equal(await panel.getAttribute("data-pathway"), "emergency");
  assert.equal(server.requests.length, before, "nothing reached the server while offline");
  await saveScreenshot(page, "offline-outcome");
  assert.deepEqual(errors.page, []);
});

test("a first visit downloads each file once: the service worker revalidates what the page already has", async () => {
  const start = server.requests.length;
  const { page, context } = await openPage(browser, server.url);
  try {
    await page.getByRole("button", { name: /^Start now/ }).waitFor({ timeout: 30000 });
    // Active means installed: every file of the precache is in the cache by now.
    await waitForServiceWorker(page);
    const log = server.requests.slice(start);
    const downloads = (p) => log.filter((r) => r.path === p && r.status === 200).length;
    const wasm = "/front-door-triage_bg.wasm";
    const statuses = log.filter((r) => r.path === wasm).map((r) => r.status);
    assert.equal(downloads(wasm), 1, `the wasm was downloaded once, not again for the cache: ${statuses}`);
    assert.ok(statuses.includes(304), `the service worker asked and was told its copy is current: ${statuses}`);
    const twice = [...new Set(log.map((r) => r.path))].filter((p) => downloads(p) > 1);
    assert.deepEqual(twice, [], "no file is downloaded twice on a first visit");
  } finally {
    await context.close();
  }
});

test("a new deployment replaces the cache cleanly", async () => {
  const { page } = await openPage(browser, server.url);
  await page.getByRole("button", { name: /^Start now/ }).waitFor({ timeout: 30000 });
  await waitForServiceWorker(page);
  const first = await page.evaluate(() => caches.keys());
  assert.equal(first.length, 1, `one cache, got ${first}`);

  // Deploy: new start-page text and a new build id.
  const sw = readFileSync(join(root, "sw.js"), "utf8").replace(/const BUILD_ID = "[^"]+"/, 'const BUILD_ID = "next-deployment"');
  writeFileSync(join(root, "sw.js"), sw);
  const html = readFileSync(join(root, "index.html"), "utf8").replace("This tool needs JavaScript", "This new tool needs JavaScript");
  writeFileSync(join(root, "index.html"), html);
  // A real deployment ships new .br and .gz copies with each file; here they are removed, so
  // a server that sends precompressed copies (nginx, E2E_SERVER=nginx) sends the new files.
  for (const file of ["sw.js", "index.html"]) {
    for (const ext of [".br", ".gz"]) rmSync(join(root, file + ext), { force: true });
  }

  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  // Only the new deployment's cache is left, and it holds the app.
  await until(
    page,
    async () => {
      const keys = await caches.keys();
      if (keys.length !== 1 || keys[0] !== "front-door-triage-next-deployment") return false;
      return (await (await caches.open(keys[0])).keys()).length > 5;
    },
    "only the new deployment's cache, filled",
  );
  const cached = await page.evaluate(async () => {
    const cache = await caches.open("front-door-triage-next-deployment");
    const response = await cache.match("/index.html");
    const all = await Promise.all((await caches.keys()).map(async (k) => `${k}:${(await (await caches.open(k)).keys()).length}`));
    return response ? response.text() : `not cached; caches ${all}`;
  });
  assert.match(cached, /This new tool needs JavaScript/, "the new deployment's files are what is cached");
});

// Cloudflare Pages redirects /index.html to / (deploy/README.md): the service worker's copy
// of the page is then a redirected response, which a browser refuses for a page load
// unless the worker hands it over as a plain one.
test("offline works on a host that redirects /index.html to / (Cloudflare Pages)", async () => {
  const pretty = await startServer({ root: distDir, prettyUrls: true });
  const { page, context, errors } = await openPage(browser, pretty.url);
  try {
    await page.getByRole("button", { name: /^Start now/ }).waitFor({ timeout: 30000 });
    await waitForServiceWorker(page);
    assert.ok(
      pretty.requests.some((r) => r.path === "/index.html" && r.status === 308),
      "the precache asked for /index.html and was redirected",
    );
    await context.setOffline(true);
    const before = pretty.requests.length;
    await page.reload();
    await page.getByRole("button", { name: /^Start now/ }).click();
    await page.getByLabel("Another partner agency").waitFor();
    assert.equal(pretty.requests.length, before, "nothing reached the server while offline");
    assert.deepEqual(errors.page, []);
  } finally {
    await context.close();
    await pretty.close();
  }
});
