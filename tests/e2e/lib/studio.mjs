// The guidance studio's test helpers (studio*.test.mjs): open it on the built-in guidance,
// wait for the checks to follow an edit, go to a task, and check a run left nothing behind.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './journey.mjs';
import { openPage, runAxe, formatViolations } from './browser.mjs';

export const T = { timeout: 60_000 };
const DOCS_SHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

/** A full-page screenshot for docs/studio-walkthrough.md. */
export async function shot(page, name) {
  mkdirSync(DOCS_SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(DOCS_SHOTS, `studio-${name}.png`), fullPage: true });
}

export async function axeClean(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${where}: ${formatViolations(violations)}`);
}

/** Opens the studio and (unless `fresh` is false) the built-in guidance; waits for the first checks. */
export async function openStudio(suite, { fresh = true } = {}) {
  const opened = await openPage(suite.browser, `${suite.server.url}/studio.html`);
  const { page } = opened;
  await page.getByRole('button', { name: 'Open the built-in guidance' }).waitFor(T);
  if (fresh) {
    await page.getByRole('button', { name: 'Open the built-in guidance' }).click();
    await checked(page);
  }
  return opened;
}

/** Waits until the checks panel shows the results for the model as it is now. */
export async function checked(page) {
  await page.locator('#checks-status[data-current="true"]').waitFor(T);
}

/** Goes to a task from any page: "Back to tasks" first, unless already on the task list
 *  (waiting for a link that is not there would cost the click's whole timeout), and
 *  returns once the task's page is drawn. */
export async function goToTask(page, name) {
  const back = page.getByRole('link', { name: 'Back to tasks' });
  if (await back.count()) {
    await back.click();
    await back.waitFor({ state: 'detached', ...T });
  }
  await page.getByRole('link', { name, exact: true }).click();
  // Every page but the task list has "Back to tasks": the task's page has been drawn.
  await back.waitFor(T);
}

export async function relevel(page, code, level) {
  await goToTask(page, 'Concerns');
  await page.getByRole('link', { name: `Change ${code}`, exact: true }).click();
  await page.getByLabel(`Level ${level}`, { exact: true }).check();
  await checked(page);
}

/** Checks that the run broke no CSP rule, logged nothing, kept nothing in cookies,
 *  localStorage or the URL, and that nothing left the page. */
export function cleanRun(suite, opened) {
  return async () => {
    assert.deepEqual(await opened.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(opened.errors.console, []);
    assert.deepEqual(opened.errors.page, []);
    assert.equal(await opened.page.evaluate(() => localStorage.length), 0, 'nothing in localStorage');
    assert.deepEqual(await opened.context.cookies(), []);
    assert.equal(opened.page.url(), `${suite.server.url}/studio.html`, 'nothing in the URL');
    const elsewhere = opened.requests.filter((r) => !r.url.startsWith(suite.server.url) && !r.url.startsWith('blob:'));
    assert.deepEqual(elsewhere, [], 'nothing leaves the page');
  };
}
