// Hardening: nothing leaves the page, text from guidance files and answers stays text,
// and a panic never strands a user.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useSuite, DIST_DIR } from "../lib/journey.mjs";
import { openPage, saveScreenshot } from "../lib/browser.mjs";

const suite = useSuite();

const STATIC = /^\/($|index\.html$|boot\.js$|sw\.js$|app\.css$|favicon\.svg$|front-door-triage(_bg\.wasm|\.js)$|snippets\/[\w-]+\/www\/element\.js$|guidance\/[\w-]+\.json$)/;

/** Answers every question of the guided flow for a case; ends on the outcome page. */
async function journey(page, { danger = false, concerns = [], consent = "Yes, they agree", voice = "" }) {
  await page.getByRole("button", { name: /^Start now/ }).click();
  await page.getByLabel("Another partner agency").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel(danger ? "Yes" : "No", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  if (danger) await page.getByRole("button", { name: "Continue to record the details" }).click();
  await page.locator("#child-status").check();
  await page.getByLabel("Years").fill("8");
  await page.locator("#disabled-or-send-2").check();
  await page.locator("#known-to-social-care").check();
  await page.locator("#previous-contacts").check();
  await page.getByRole("button", { name: "Continue" }).click();
  for (const code of concerns) await page.locator(`input[value="${code}"]`).check();
  await page.getByRole("button", { name: "Continue" }).click();
  if (concerns.length === 0 && !danger) {
    await page.getByRole("button", { name: "Continue without a concern" }).click();
  }
  await page.getByRole("button", { name: "Continue" }).click();
  // Consent is asked only where it could change the outcome.
  await page.getByRole("heading", { name: "The family's views and the child's voice" }).waitFor();
  if (await page.getByLabel(consent).count()) await page.getByLabel(consent).check();
  if (voice) await page.locator("#child-voice").fill(voice);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Get recommendation" }).click();
  await page.locator("[data-pathway]").waitFor();
}

for (const [pathway, setup] of [
  ["signpost", { concerns: ["learning.attendance_persistent_absence"] }],
  ["family_help", { concerns: ["domestic_abuse.child_witnessed"] }],
  ["macpt_referral", { concerns: ["abuse.physical_disclosure"], consent: "Not safe to ask" }],
  ["emergency", { danger: true }],
]) {
  test(`nothing leaves the page on a ${pathway} journey`, async () => {
    const { page, requests, cspViolations, errors } = await openPage(suite.browser, suite.server.url);
    const sent = [];
    page.on("request", (r) => sent.push({ method: r.method(), url: r.url(), type: r.resourceType() }));
    await journey(page, setup);
    assert.equal(await page.locator("[data-pathway]").getAttribute("data-pathway"), pathway);
    await page.getByLabel("Yes", { exact: true }).first().check();
    await page.getByRole("button", { name: "Record decision" }).click();
    await page.getByText("Decision recorded").waitFor();
    for (const r of sent) {
      const url = new URL(r.url);
      assert.equal(url.origin, new URL(suite.server.url).origin, `third-party request: ${r.url}`);
      assert.equal(r.method, "GET", `not a GET: ${r.method} ${r.url}`);
      assert.notEqual(r.type, "ping", `beacon: ${r.url}`);
      assert.match(url.pathname, STATIC, `not one of the app's static files: ${url.pathname}`);
      assert.equal(url.search, "", `query string sent: ${r.url}`);
    }
    assert.deepEqual(await cspViolations(), []);
    assert.deepEqual(errors.console, []);
    void requests;
  });
}

test("text from guidance files and answers is rendered as inert text", async () => {
  const { page, context, cspViolations, errors } = await openPage(suite.browser, suite.server.url, {
    // Files served from the service worker's cache bypass route(); block it here.
    serviceWorkers: "block",
  });
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  // A hostile copy of the second authority's guidance, served in its place.
  const hostile = JSON.parse(readFileSync(join(DIST_DIR, "guidance", "example-county.json"), "utf8"));
  const xss = '<img src=x onerror="window.__pwned=1;alert(1)">';
  hostile.title = `County <script>window.__pwned=1</script> guidance`;
  hostile.concerns[0].text = `Routine checks missed ${xss}`;
  hostile.concerns[0].examples = ["<a href=\"javascript:alert(1)\">click</a>", "Ηealth visitor (a Greek capital Eta, not an H)"];
  hostile.services[0].name = `Family hub ${xss}`;
  hostile.contacts.front_door.phone = "javascript:alert(1)";
  await context.route("**/guidance/example-county.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify(hostile) }),
  );
  await page.getByRole("button", { name: "Change guidance" }).click();
  await page.getByLabel("Example County Council (demonstration)").check();
  await page.getByRole("button", { name: "Use this guidance" }).click();
  await page.getByText(/<script>window.__pwned=1<\/script>/).first().waitFor();
  await journey(page, { concerns: [hostile.concerns[0].code, "environment.financial_hardship"], voice: `She said ${xss}` });
  await page.getByText(`Routine checks missed ${xss}`).first().waitFor();
  await page.getByRole("button", { name: "Back" }).click();
  await page.getByRole("heading", { name: "Check your answers" }).waitFor();
  const body = await page.locator("body").innerText();
  assert.ok(body.includes(`She said ${xss}`), "the child's voice is shown as typed");
  assert.ok(body.includes(`Routine checks missed ${xss}`), "guidance text is shown as written");
  assert.equal(await page.locator("img[src=x], a[href^='javascript:']").count(), 0, "no markup from text became elements");
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no injected script ran");
  assert.deepEqual(dialogs, []);
  await saveScreenshot(page, "injected-text-outcome");
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(errors.page, []);
});

test("a panic shows the recovery message and the answers survive", async () => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  await page.getByRole("button", { name: /^Start now/ }).click();
  await page.getByLabel("School or college designated safeguarding lead").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("#child-status").check();
  await page.getByLabel("Years").fill("11");
  // Force a panic inside the running app's WebAssembly.
  await page
    .evaluate(() => import("/front-door-triage.js").then((m) => m.__panicForTests()))
    .catch(() => {});
  const alert = page.getByRole("alert").filter({ hasText: "Something went wrong" });
  await alert.waitFor();
  assert.match(await alert.innerText(), /reload the page/i);
  assert.match(await alert.innerText(), /999/);
  await saveScreenshot(page, "panic-recovery");
  assert.ok(errors.console.some((e) => /stopped unexpectedly/.test(e)), "the panic is logged, without its message");
  assert.ok(!errors.console.some((e) => /deliberate panic/.test(e)), "the panic message (possible case data) is not logged");
  await page.reload();
  await page.getByRole("heading", { name: "About the child" }).waitFor({ timeout: 30000 });
  assert.equal(await page.getByLabel("Years").inputValue(), "11", "answers restored from the draft");
});

test("embedded, a panic shows the recovery message inside each widget, not in the host page", async () => {
  const { page } = await openPage(suite.browser, suite.server.url + "/portal-demo.html");
  const starts = page.getByRole("button", { name: /^Start now/ });
  await starts.first().waitFor({ timeout: 30000 });
  await page
    .evaluate(() => import("/front-door-triage.js").then((m) => m.__panicForTests()))
    .catch(() => {});
  const alerts = page.locator("#triage-api, #triage-element").getByRole("alert").filter({ hasText: "Something went wrong" });
  await alerts.first().waitFor();
  assert.equal(await alerts.count(), 2, "one message in each of the page's two widgets");
  assert.equal(
    await page.evaluate(() => document.querySelectorAll(".app-recovery").length),
    0,
    "nothing added to the host's own document",
  );
  await saveScreenshot(page, "panic-recovery-embedded");
});
