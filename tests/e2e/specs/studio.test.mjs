// The guidance studio (issue 15), in real Chromium under the strict CSP: open the built-in
// guidance, re-level a concern and see the suite and the review follow, copy a pathway rule
// to the end and see it flagged as never reached, undo back to the file as opened, export
// a file that equals `triage format` for the same edit and passes check and lint, and find
// the draft after a reload. Screenshots for docs/studio-walkthrough.md are taken here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { useSuite, REPO_ROOT, DIST_DIR, triageBin } from '../lib/journey.mjs';
import { openPage } from '../lib/browser.mjs';
import { T, shot, axeClean, checked, goToTask, relevel, openStudio as openStudioIn, cleanRun as cleanRunIn } from '../lib/studio.mjs';
import { tabUntil, is } from '../lib/keyboard.mjs';
import { Widget } from '../lib/embed.mjs';

const suite = useSuite();
/** Level 2 in the default guidance; three safety cases expect it alone to signpost. */
const CONCERN = 'environment.financial_hardship';
const openStudio = (options) => openStudioIn(suite, options);
const cleanRun = (opened) => cleanRunIn(suite, opened);

test('the triage start page links to the studio, and the studio has its own wasm', async () => {
  const opened = await openPage(suite.browser, suite.server.url);
  const link = opened.page.getByRole('link', { name: /Guidance studio/ });
  await link.waitFor(T);
  assert.equal(await link.getAttribute('href'), '/studio.html');
  // The triage app never downloads the studio (nor does its service worker precache it).
  const sw = readFileSync(path.join(DIST_DIR, 'sw.js'), 'utf8');
  assert.doesNotMatch(sw, /studio/);
  assert.ok(!opened.requests.some((r) => /studio/.test(r.url)), 'the triage page fetches nothing of the studio');
  await opened.context.close();
});

test('re-levelling a concern 2 → 4 shows the suite failing and the decisions going up', async () => {
  const opened = await openStudio();
  const { page } = opened;
  await axeClean(page, 'task list');
  await shot(page, 'task-list');
  assert.match(await page.locator('#checks-status').innerText(), /Cases: \d+ passed, 0 failed/);

  await relevel(page, CONCERN, 4);
  await axeClean(page, 'concern');
  await shot(page, 'concern');
  assert.match(await page.locator('#studio-changed').innerText(), /changed/);
  assert.match(await page.locator('#checks-status').innerText(), /Cases: \d+ passed, [1-9]\d* failed/);

  await goToTask(page, 'Cases');
  const failures = page.locator('#suite-failures');
  await failures.waitFor();
  assert.match(await failures.innerText(), /safe-075[\s\S]*pathway: expected signpost, got macpt_referral/);
  await axeClean(page, 'cases');

  await goToTask(page, 'Review changes');
  await page.locator('#review-up').waitFor(T);
  const summary = await page.locator('#review-summary').innerText();
  assert.match(summary, /\d+ of \d+ generated cases change pathway; 0 go down\./);
  assert.match(summary, /[1-9]\d* cases? of the suite change decision/);
  assert.match(await page.locator('#review-codes').innerText(), new RegExp(`${CONCERN.replace('.', '\\.')}[\\s\\S]*re-levelled`));
  assert.equal(await page.locator('#review-down').count(), 0, 'nothing goes down');
  await axeClean(page, 'review');
  await shot(page, 'review');

  // Undo (the button) goes back to the file as opened.
  await page.getByRole('button', { name: 'Undo' }).click();
  await checked(page);
  assert.match(await page.locator('#studio-changed').innerText(), /no changes since opened/);
  assert.match(await page.locator('#checks-status').innerText(), /Cases: \d+ passed, 0 failed/);
  await cleanRun(opened)();
  await opened.context.close();
});

test('a copy of the first pathway rule at the end (above the default) is flagged as never reached, linked to its row', async () => {
  const opened = await openStudio();
  const { page } = opened;
  await goToTask(page, 'Pathway rules');
  const rows = page.locator('tbody tr[data-rule]');
  const before = await rows.count();
  const first = await rows.first().getAttribute('data-rule');
  await page.getByRole('button', { name: `Copy to end ${first}` }).click();
  await checked(page);
  assert.equal(await rows.count(), before + 1);
  // It goes last but one: the default rule (`always`) stays last.
  const at = before - 1;
  const copy = page.locator(`#rule-pathway-${at}`);
  assert.equal(await copy.getAttribute('data-rule'), `${first}-copy`);
  assert.match(await copy.getAttribute('class'), /studio-rule--unreachable/, 'the copy is dimmed');
  await axeClean(page, 'pathway rules');
  await shot(page, 'rules');

  // The panel's finding links to the row: following it moves focus there.
  const finding = page.locator('#checks-findings li[data-kind="shadowed-rule"]', { hasText: `$.rules.pathway[${at}]` });
  await finding.getByRole('link').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), `rule-pathway-${at}`);

  // Ctrl+Z undoes it, Ctrl+Shift+Z does it again.
  await page.keyboard.press('Control+z');
  await checked(page);
  assert.equal(await rows.count(), before);
  await page.keyboard.press('Control+Shift+z');
  await checked(page);
  assert.equal(await rows.count(), before + 1);
  await cleanRun(opened)();
  await opened.context.close();
});

test('export: the file equals `triage format` for the same edit, passes check and lint, and its SHA-256 pins it', async () => {
  const opened = await openStudio();
  const { page } = opened;
  await relevel(page, CONCERN, 4);
  await goToTask(page, 'Review changes');
  await page.locator('#review-up').waitFor(T);
  await page.getByRole('button', { name: 'Continue to export' }).or(page.getByRole('link', { name: 'Continue to export' })).click();
  await page.getByRole('button', { name: 'Download the guidance file' }).waitFor();
  await axeClean(page, 'export');
  await shot(page, 'export');
  const sha = (await page.locator('#export-sha256').innerText()).trim();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the guidance file' }).click(),
  ]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fdt-studio-'));
  try {
    const exported = path.join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const bytes = readFileSync(exported);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), sha, 'the SHA-256 shown is the file\'s');

    // The same edit by hand, written out by the CLI.
    const g = JSON.parse(readFileSync(path.join(REPO_ROOT, 'www', 'guidance', 'default.json'), 'utf8'));
    g.concerns.find((c) => c.code === CONCERN).level = 4;
    const edited = path.join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(g));
    const bin = triageBin();
    const formatted = execFileSync(bin, ['format', edited]);
    assert.ok(bytes.equals(formatted), 'the export is what `triage format` writes for the same edit');
    execFileSync(bin, ['check', exported]);
    const lint = spawnSync(bin, ['lint', exported], { encoding: 'utf8' });
    assert.notEqual(lint.status, 1, `lint finds no errors:\n${lint.stdout}`);

    // The SHA-256 pins the file in mount(): this file is taken, another is refused.
    const result = await page.evaluate(async ({ text, sha }) => {
      const { default: init, mount } = await import('/front-door-triage.js');
      await init({ module_or_path: '/front-door-triage_bg.wasm' });
      const el = document.createElement('div');
      document.body.append(el);
      const h = mount(el, { guidance: text, guidanceSha256: sha });
      await new Promise((r) => setTimeout(r, 200));
      const shown = el.shadowRoot.textContent;
      h.unmount();
      const other = document.createElement('div');
      document.body.append(other);
      const h2 = mount(other, { guidance: text + ' ', guidanceSha256: sha });
      await new Promise((r) => setTimeout(r, 200));
      const refused = other.shadowRoot.textContent;
      h2.unmount();
      el.remove();
      other.remove();
      return { shown, refused };
    }, { text: bytes.toString('utf8'), sha });
    assert.match(result.shown, /Start now/);
    assert.doesNotMatch(result.refused, /Start now/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await opened.context.close();
});

test('the draft is kept in the browser: a reload finds it, discarding removes it', async () => {
  const opened = await openStudio();
  const { page } = opened;
  // The page shows when the draft was saved, and its picture is in the README: a fixed
  // clock keeps the picture the same from run to run (timers still run).
  await page.clock.setFixedTime(new Date('2026-12-01T09:30:00Z'));
  await relevel(page, CONCERN, 4);
  // The draft is saved after the checks; wait for it to be in IndexedDB.
  await page.waitForFunction(async () => {
    const db = await new Promise((ok, no) => { const r = indexedDB.open('front-door-triage-studio', 1); r.onsuccess = () => ok(r.result); r.onerror = no; });
    const got = await new Promise((ok) => { const r = db.transaction('drafts').objectStore('drafts').get('draft'); r.onsuccess = () => ok(r.result); r.onerror = () => ok(null); });
    db.close();
    return typeof got === 'string' && got.includes('"level": 4');
  }, null, T);
  await page.reload();
  await page.getByRole('button', { name: 'Carry on with your draft' }).waitFor(T);
  await axeClean(page, 'open page with a draft');
  await shot(page, 'open');
  await page.getByRole('button', { name: 'Carry on with your draft' }).click();
  await checked(page);
  assert.match(await page.locator('#studio-changed').innerText(), /changed/);
  await goToTask(page, 'Concerns');
  assert.match(await page.locator('tr', { hasText: CONCERN }).innerText(), /\t4\t|\b4\b/);
  // Undo goes back to the file as opened, even after the reload.
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.match(await page.locator('#studio-changed').innerText(), /no changes since opened/);
  await cleanRun(opened)();
  await page.getByRole('link', { name: 'Back to tasks' }).click();
  await page.getByRole('button', { name: 'Discard draft and close' }).click();
  await page.getByRole('button', { name: 'Open the built-in guidance' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Open the built-in guidance' }).waitFor(T);
  assert.equal(await page.getByRole('button', { name: 'Carry on with your draft' }).count(), 0);
  await opened.context.close();
});

test('a file that does not parse shows where, as triage check does', async () => {
  const opened = await openStudio({ fresh: false });
  const { page } = opened;
  await page.locator('#open-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": "front-door-triage/guidance/v1",\n  "id": "x",\n}\n'),
  });
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor(T);
  assert.match(await summary.innerText(), /broken\.json could not be opened[\s\S]*\$.*line 4/);
  await axeClean(page, 'open error');
  await opened.context.close();
});

test('keyboard only: open, move a pathway rule down and undo it', async () => {
  const opened = await openStudio({ fresh: false });
  const { page } = opened;
  await tabUntil(page, 'the open button', is.button, { arg: 'Open the built-in guidance' });
  await page.keyboard.press('Enter');
  await checked(page);
  await tabUntil(page, 'the pathway rules task', is.link, { arg: 'Pathway rules' });
  await page.keyboard.press('Enter');
  const rows = page.locator('tbody tr[data-rule]');
  const first = await rows.first().getAttribute('data-rule');
  await tabUntil(page, 'the first Move down', is.button, { arg: 'Move down' });
  await page.keyboard.press('Enter');
  await checked(page);
  assert.equal(await rows.nth(1).getAttribute('data-rule'), first);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rule-pathway-1', 'focus stays with the moved row');
  await page.keyboard.press('Control+z');
  await checked(page);
  assert.equal(await rows.first().getAttribute('data-rule'), first);
  await opened.context.close();
});

test('the condition builder writes a rule from tests; an invariant it breaks opens its smallest case in the preview', async () => {
  const opened = await openStudio();
  const { page } = opened;
  await goToTask(page, 'Pathway rules');
  // The third rule: any concern at level 3 or above gets family help.
  const rule = await page.locator('tbody tr[data-rule]').nth(2).getAttribute('data-rule');
  await page.getByRole('link', { name: `Change ${rule}`, exact: true }).click();
  const words = page.locator('#rule-in-words');
  assert.equal(await page.getByLabel('Test', { exact: true }).inputValue(), 'concern_at_level');

  // "Any of these" keeps the test it had as its first part; a second part is added and
  // made an age test, typed in.
  await page.getByLabel('Test', { exact: true }).selectOption('any');
  await checked(page);
  assert.equal(await page.getByLabel('Part 1', { exact: true }).inputValue(), 'concern_at_level');
  await page.getByRole('button', { name: 'Add a condition' }).click();
  await page.getByLabel('Part 2', { exact: true }).selectOption('age_below');
  // Typed a key at a time, as people do: "0." must not become "0" on the way to 0.5.
  await page.locator('#when-1-age').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0.5');
  await checked(page);
  assert.match(await words.innerText(), /any concern at level 3 or above or the child is under 0\.5 years old/);
  const json = JSON.parse(await page.locator('#entry-json').inputValue());
  assert.deepEqual(json.when, { any: [{ concern_at_level: 3 }, { age_below: 0.5 }] }, 'the rule as the file writes it');
  assert.equal(await page.locator('#checks-status').getAttribute('data-current'), 'true');
  assert.doesNotMatch(await page.locator('#checks-status').innerText(), /[1-9]\d* errors?/, 'the edit is a valid file');
  // Only tests a pathway rule may use are offered.
  const offered = await page.getByLabel('Part 2', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(offered.includes('count_at_level') && offered.includes('any_concern'));
  assert.ok(!offered.includes('consent') && !offered.includes('audience'), `offered: ${offered}`);
  await axeClean(page, 'condition builder');
  await shot(page, 'condition-builder');

  // Undo, a step per change, back to the file as opened.
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Control+z');
  await checked(page);
  assert.equal(await page.getByLabel('Test', { exact: true }).inputValue(), 'concern_at_level');
  assert.match(await page.locator('#studio-changed').innerText(), /no changes since opened/);

  // Out-of-hours no longer on child protection referrals: invariant 9 breaks, and its
  // smallest case opens in the preview, on "Check your answers".
  await goToTask(page, 'Action rules');
  await page.getByRole('link', { name: 'Change out-of-hours', exact: true }).click();
  await page.getByLabel('Multi-Agency Child Protection Team referral').uncheck();
  await checked(page);
  assert.match(await words.innerText(), /the pathway is emergency/);
  const finding = page.locator('#checks-findings li[data-kind="invariant-break"]', { hasText: 'invariant 9' });
  await finding.waitFor(T);
  const smallest = await finding.textContent();
  await finding.getByRole('button', { name: 'Open this case in the preview' }).click();
  const preview = page.locator('#studio-preview');
  await preview.getByRole('heading', { name: /Check your answers/ }).waitFor(T);
  assert.match(smallest, /Smallest case: .*level 4/, 'a case with a level 4 concern');
  // The widget's own Shadow DOM holds the case: its concern's words are on the page.
  const code = smallest.match(/concerns: ([a-z_.0-9]+) \(level 4\)/)[1];
  const { concerns } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'www/guidance/default.json'), 'utf8'));
  const text = concerns.find((c) => c.code === code).text;
  await preview.getByText(text, { exact: false }).first().waitFor(T);
  await cleanRun(opened)();
  await opened.context.close();
});

test('the preview is the real widget with the guidance as edited, for each audience, guided and expert at the front door', async () => {
  const opened = await openStudio();
  const { page } = opened;
  await relevel(page, CONCERN, 4);
  await goToTask(page, 'Preview');
  const preview = page.locator('#studio-preview');
  await preview.getByRole('button', { name: /^Start now/ }).waitFor(T);
  // At the front door, expert mode too: every question on one page (the \`mode\` option).
  await page.getByLabel('All questions on one page').check();
  await preview.getByRole('button', { name: /^Start now/ }).click();
  await preview.getByRole('heading', { name: 'Triage: all questions' }).waitFor(T);
  await page.getByLabel('One question at a time').check();
  await preview.getByRole('button', { name: /^Start now/ }).click();
  await preview.getByRole('heading', { name: 'Is the child in immediate danger?' }).waitFor(T);
  await page.getByLabel('School or college designated safeguarding lead').check();
  assert.equal(await page.getByLabel('All questions on one page').count(), 0, 'expert mode is the front door\'s');
  await preview.getByRole('button', { name: /^Start now/ }).waitFor(T);
  await axeClean(page, 'preview');
  await shot(page, 'preview');
  await cleanRun(opened)();
  await opened.context.close();
});

test('a decision made in the preview is saved to the case suite with its pathway', async () => {
  const opened = await openStudio();
  const { page } = opened;
  const before = Number((await page.locator('#checks-status').innerText()).match(/Cases: (\d+) passed/)[1]);
  await goToTask(page, 'Preview');
  await page.getByLabel('School or college designated safeguarding lead').check();
  const preview = new Widget({ ...opened, root: page.locator('#studio-preview'), name: 'studio-preview' });
  await preview.journey({ child: { years: 9, send: false, known: 'none' }, concerns: ['learning.attendance_persistent_absence'], consent: 'not_asked' });
  await preview.recordDecision({ agrees: true });
  await page.getByRole('button', { name: 'Save this case with its decision' }).click();
  await page.locator('#checks-status', { hasText: `Cases: ${before + 1} passed, 0 failed` }).waitFor(T);
  await goToTask(page, 'Cases');
  assert.match(await page.locator('main').innerText(), /with cases saved from the preview/);
  await cleanRun(opened)();
  await opened.context.close();
});
