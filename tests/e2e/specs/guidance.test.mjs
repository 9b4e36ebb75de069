// Switching guidance (standalone): only files the deployment lists, fetched from the
// app's own origin; a file that fails validation shows its located problems.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSuite } from "../lib/journey.mjs";
import { openPage, runAxe, formatViolations, saveScreenshot } from "../lib/browser.mjs";

const suite = useSuite();

async function chooseGuidance(page, name) {
  await page.getByRole("button", { name: "Change guidance" }).click();
  await page.getByLabel(name).check();
  await page.getByRole("button", { name: "Use this guidance" }).click();
}

test("the user can switch to another shipped authority's guidance, and it sticks", async () => {
  const { page, errors, cspViolations, context } = await openPage(suite.browser, suite.server.url);
  await page.getByRole("button", { name: /^Start now/ }).waitFor({ timeout: 30000 });
  await page.getByRole("button", { name: "Change guidance" }).click();
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  await page.getByText("See how this guidance decides").click();
  const picture = page.locator("img.app-rules-picture__image");
  await picture.waitFor();
  assert.ok(await picture.evaluate((img) => img.complete && img.naturalWidth > 500), "the rules picture loads");
  assert.match(await picture.getAttribute("alt"), /flow chart/);
  await saveScreenshot(page, "guidance-chooser");
  await page.getByLabel("Example County Council (demonstration)").check();
  await page.getByRole("button", { name: "Use this guidance" }).click();
  await page.getByText(/Example County Council's support level guidance/).waitFor();
  assert.match(await page.locator(".app-guidance-in-use").innerText(), /Example County/);
  await page.reload();
  await page.getByText(/Example County Council's support level guidance/).waitFor({ timeout: 30000 });
  assert.equal(page.url(), suite.server.url + "/", "the choice is never put in the URL");
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(await context.cookies(), []);
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(errors.console, []);
  assert.deepEqual(errors.page, []);
});

test("a guidance file that fails validation shows where and what is wrong", async () => {
  const { page, context } = await openPage(suite.browser, suite.server.url, {
    // Files served from the service worker's cache bypass route(); block it here.
    serviceWorkers: "block",
  });
  // Serve a damaged copy in place of the second authority's file.
  await context.route("**/guidance/example-county.json", (route) =>
    route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ format: "front-door-triage/guidance/v1", id: "Broken County" }),
    }),
  );
  await page.getByRole("button", { name: /^Start now/ }).waitFor({ timeout: 30000 });
  await chooseGuidance(page, "Example County Council (demonstration)");
  await page.getByRole("heading", { name: "This guidance file cannot be used" }).waitFor();
  const problems = await page.locator(".app-guidance-problems").innerText();
  assert.match(problems, /guidance file example-county\.json|\$/);
  assert.match(await page.locator("main").first().innerText(), /example-county\.json/);
  assert.match(problems, /\$: missing field `title`|missing field/);
  await saveScreenshot(page, "guidance-error");
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  await page.getByRole("button", { name: "Use the built-in guidance instead" }).click();
  await page.getByText(/Demo Borough Council's support level guidance/).waitFor();
});
