// The guidance studio's forms and files (issue 15, items 1, 2, 4 and 7), in real Chromium
// under the strict CSP: every section edited with form fields (not JSON), each problem
// linked to its field, renaming followed by the checks, numbers that do not read refused
// on their field; the contact record's rules built like a rule table's; and every way in
// and out: a file dropped, a file at an address, a new authority, a case suite loaded from
// disk, and each download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useSuite, REPO_ROOT } from '../lib/journey.mjs';
import { T, shot, axeClean, checked, goToTask, relevel, openStudio as openStudioIn, cleanRun as cleanRunIn } from '../lib/studio.mjs';
import { tabUntil } from '../lib/keyboard.mjs';

const suite = useSuite();
const openStudio = (options) => openStudioIn(suite, options);
const cleanRun = (opened) => cleanRunIn(suite, opened);
const DEFAULT = path.join(REPO_ROOT, 'www', 'guidance', 'default.json');

/** The entry as the file writes it, from the JSON box below its form. */
async function entryJson(page) {
  return JSON.parse(await page.locator('#entry-json').inputValue());
}

/** Undo until the model is the file as opened. */
async function undoAll(page) {
  const changed = page.locator('#studio-changed');
  for (let i = 0; i < 20 && !/no changes since opened/.test(await changed.innerText()); i += 1) {
    await page.getByRole('button', { name: 'Undo' }).click();
  }
  await checked(page);
  assert.match(await changed.innerText(), /no changes since opened/);
}

test("an action's wording, timescale and contact are edited in a form; a problem links to its field", async () => {
  const opened = await openStudio();
  const { page } = opened;
  await goToTask(page, 'Actions');
  await page.getByRole('link', { name: 'Change call_999', exact: true }).click();
  await page.getByLabel('By when', { exact: true }).fill('Straight away');
  await checked(page);
  assert.equal((await entryJson(page)).timescale, 'Straight away');

  // An optional wording cleared is left out of the file.
  await page.getByLabel('Wording for school designated safeguarding leads (optional)').fill('');
  await page.getByLabel('The contact shown with it (optional)').selectOption('lado');
  await checked(page);
  const action = await entryJson(page);
  assert.equal(action.text_for.school_dsl, undefined);
  assert.ok(action.text_for.partner, 'the other wordings stay');
  assert.equal(action.contact, 'lado');

  // A required text emptied is check's error, and the error links back to the field.
  await page.getByLabel('What to do', { exact: true }).fill('');
  await checked(page);
  const finding = page.locator('#checks-findings li', { hasText: '$.actions[0].text' });
  await finding.waitFor(T);
  assert.match(await finding.innerText(), /is empty/);
  assert.match(await page.locator('#entry-text-error').innerText(), /The text of action 'call_999' is empty/, "check's error on the field");
  await goToTask(page, 'Contacts');
  await finding.getByRole('link').click();
  await page.getByRole('heading', { name: 'Change call_999' }).waitFor(T);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'entry-text', 'focus is on the field');
  await axeClean(page, 'action form');
  await shot(page, 'entry-form');

  await undoAll(page);
  assert.equal((await entryJson(page)).timescale, 'Now');
  await cleanRun(opened)();
  await opened.context.close();
});

test('renaming a contact is followed by the checks; an age that does not read is refused on its field', async () => {
  const opened = await openStudio();
  const { page } = opened;
  await goToTask(page, 'Contacts');
  await page.getByRole('link', { name: 'Change lado', exact: true }).click();
  await page.getByLabel('Phone number').fill('01632 960 099');
  await checked(page);
  assert.equal((await entryJson(page)).phone, '01632 960 099');
  const key = page.getByLabel('Key', { exact: true });
  await key.fill('lado_office');
  await key.press('Tab');
  await page.getByRole('heading', { name: 'Change lado_office' }).waitFor(T);
  await checked(page);
  await page.locator('#checks-findings li', { hasText: "needs contact 'lado', which is not in contacts" }).waitFor(T);
  await undoAll(page);

  await goToTask(page, 'Services');
  await page.getByRole('link', { name: 'Change family-hub', exact: true }).click();
  const youngest = page.getByLabel('Youngest age, in years');
  await youngest.fill('two');
  await page.locator('.govuk-error-summary', { hasText: 'enter an age in years' }).waitFor(T);
  assert.equal(await youngest.inputValue(), 'two', 'what was typed stays');
  assert.match(await page.locator('#entry-min_age-error').innerText(), /enter an age in years/);
  assert.match(await page.locator('#studio-changed').innerText(), /no changes since opened/, 'the model is untouched');
  await axeClean(page, 'a field in error');
  await youngest.fill('2');
  await checked(page);
  assert.equal(await page.locator('.govuk-error-summary').count(), 0);
  assert.equal((await entryJson(page)).min_age, 2);
  await page.getByRole('group', { name: 'Offered on' }).getByLabel('Family Help').uncheck();
  await checked(page);
  assert.deepEqual((await entryJson(page)).pathways, ['signpost']);

  // A section that is one object is edited in place.
  await goToTask(page, 'Settings');
  await page.getByLabel('The most level-2 concerns strengths may lower').fill('3');
  await checked(page);
  const settings = JSON.parse(await page.locator('#entry-json').inputValue());
  assert.equal(settings.strengths_lower_at_most, 3);
  await undoAll(page);
  await cleanRun(opened)();
  await opened.context.close();
});

test("a pathway rule's outcome and strengths lowering are form fields; keyboard only", async () => {
  const opened = await openStudio();
  const { page } = opened;
  await goToTask(page, 'Pathway rules');
  await page.getByRole('link', { name: 'Change any-level-3', exact: true }).click();
  assert.equal(await page.getByLabel('How many strengths must be recorded').count(), 0, 'shown only once ticked');

  // Keyboard only: Tab to the tick, Space, then type the count.
  await tabUntil(page, 'the strengths tick', () => document.activeElement?.id === 'entry-lowered_by_strengths');
  await page.keyboard.press('Space');
  await checked(page);
  await tabUntil(page, 'the count', () => document.activeElement?.id === 'entry-lowered_by_strengths-at_least');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3');
  await checked(page);
  const rule = await entryJson(page);
  assert.deepEqual({ ...rule.lowered_by_strengths, reason: undefined }, { at_least: 3, to: 'signpost', reason: undefined });
  await goToTask(page, 'Pathway rules');
  assert.match(await page.locator('tr[data-rule="any-level-3"]').innerText(), /lowered to Universal or community support by 3 strengths/);
  await undoAll(page);

  // Typed key by key, a space or a new line stays in the box, though the file trims
  // each example: the box is drawn as typed until it loses focus.
  await goToTask(page, 'Strengths');
  await page.getByRole('link', { name: 'Change strength.parent_recognises_needs', exact: true }).click();
  const examples = page.getByLabel('Examples (optional)');
  await examples.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A second example');
  await checked(page);
  assert.match(await examples.inputValue(), /support'\nA second example$/);
  assert.equal((await entryJson(page)).examples.at(-1), 'A second example');
  await undoAll(page);
  await cleanRun(opened)();
  await opened.context.close();
});

test("the contact record's urgency rules have a form and a condition builder, and the whole section can be pasted as JSON", async () => {
  const opened = await openStudio();
  const { page } = opened;
  await goToTask(page, 'Front door contact record');
  const main = page.locator('main');
  assert.match(await main.innerText(), /urgency-baby[\s\S]*When /, 'each rule with its condition in words');
  await page.getByRole('link', { name: 'Change urgency-baby', exact: true }).click();
  await page.locator('#condition-builder').waitFor(T);
  await page.getByRole('group', { name: 'Rating' }).getByLabel('Red').check();
  await checked(page);
  assert.equal((await entryJson(page)).rating, 'red');
  // Every test of the rules language is offered: the contact record is rated after the pathway.
  const offered = await page.getByLabel('Test', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(offered.includes('pathway'), `offered: ${offered}`);
  await axeClean(page, 'urgency rule');
  await undoAll(page);

  // Urgency rules are tried in turn: a rule moves with buttons, and focus stays with it.
  await goToTask(page, 'Front door contact record');
  const names = () => page.locator('main dl').first().locator('dt').allInnerTexts();
  const order = await names();
  await page.getByRole('button', { name: `Move down ${order[0]}`, exact: true }).click();
  await checked(page);
  assert.deepEqual((await names()).slice(0, 2), [order[1], order[0]]);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'entry-row-urgency-1', 'focus stays with the moved rule');
  await undoAll(page);

  // The whole section as JSON: a copy of the child protection rule below it is never reached.
  await goToTask(page, 'Front door contact record');
  await page.getByText('Edit the whole of front door contact record as JSON').click();
  const editor = page.locator('#entry-json');
  const record = JSON.parse(await editor.inputValue());
  assert.equal(record.urgency.at(-1).when, 'always', "the box holds the file's contact record");
  record.urgency.splice(2, 0, { ...record.urgency[1], id: 'urgency-copy' });
  await editor.fill(JSON.stringify(record, null, 2));
  await checked(page);
  const finding = page.locator('#checks-findings li[data-kind="urgency-rule-never-reached"]', { hasText: '$.contact_record.urgency[2]' });
  await finding.waitFor(T);
  assert.match(await finding.innerText(), /rated first by 'urgency-child-protection'/);
  // Its link opens the rule's own page.
  await finding.getByRole('link').click();
  await page.getByRole('heading', { name: 'Change urgency-copy' }).waitFor(T);
  // An urgency table that does not end with "always" is an error of check, located.
  await goToTask(page, 'Front door contact record');
  await page.getByText('Edit the whole of front door contact record as JSON').click();
  record.urgency.at(-1).when = 'immediate_danger';
  await editor.fill(JSON.stringify(record, null, 2));
  await checked(page);
  await page.locator('#checks-findings li', { hasText: '$.contact_record.urgency[8].when' }).waitFor(T);
  await cleanRun(opened)();
  await opened.context.close();
});

test('open a dropped file, a file at an address, and a new authority; load a case suite from disk', async () => {
  const opened = await openStudio({ fresh: false });
  const { page } = opened;
  // Dropped on the file box: the drop carries a real File, as a desktop drag does.
  const text = readFileSync(DEFAULT, 'utf8').replace('"Demo Borough Council"', '"Dropped Borough Council"');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    const zone = document.querySelector('.studio-drop');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await checked(page);
  assert.match(await page.locator('main').innerText(), /Opened from dropped\.json/);
  assert.match(await page.locator('.studio-toolbar').innerText(), /Dropped Borough Council/);
  await page.getByRole('button', { name: 'Discard draft and close' }).click();

  // At an address on this site.
  await page.getByLabel('Or open a guidance file from an address on this site').fill('/guidance/example-county.json');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await checked(page);
  assert.match(await page.locator('main').innerText(), /Opened from \/guidance\/example-county\.json/);
  await page.getByRole('button', { name: 'Discard draft and close' }).click();
  // An address that is not there says so, and nothing opens.
  await page.getByLabel('Or open a guidance file from an address on this site').fill('/guidance/nowhere.json');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.locator('.govuk-error-summary', { hasText: '/guidance/nowhere.json could not be opened' }).waitFor(T);
  // Chromium logs the 404 itself; it is the only message.
  assert.deepEqual(opened.errors.console.splice(0).map((m) => /404 \(Not Found\).*nowhere\.json/.test(m)), [true]);

  // A new authority: Demo Borough's rules under a new name, already a change to keep.
  await page.getByRole('button', { name: 'Start a new authority from Demo Borough' }).click();
  await checked(page);
  assert.match(await page.locator('.studio-toolbar').innerText(), /New authority · version 0\.1/);
  assert.match(await page.locator('#studio-changed').innerText(), /changed/);

  // A case suite from disk, run against the file at once: one of its three expects wrongly.
  await goToTask(page, 'Cases');
  await page.locator('#suite-file').setInputFiles(path.join(REPO_ROOT, 'tests', 'fixtures', 'vignettes_one_wrong.json'));
  await page.locator('#checks-status', { hasText: 'Cases: 2 passed, 1 failed' }).waitFor(T);
  assert.match(await page.locator('main').innerText(), /vignettes_one_wrong\.json/);
  assert.match(await page.locator('#suite-failures').innerText(), /fx-002/);
  await cleanRun(opened)();
  await opened.context.close();
});

test('export downloads the rules picture, the case suite and the change log', async () => {
  const opened = await openStudio();
  const { page } = opened;
  await goToTask(page, 'Settings');
  await page.getByLabel('The contact that makes a repeat pattern (optional)').fill('4');
  await checked(page);
  await goToTask(page, 'Export');
  const download = async (name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    const file = await d.path();
    return { name: d.suggestedFilename(), text: readFileSync(file, 'utf8') };
  };
  const svg = await download('Download the rules picture');
  assert.match(svg.name, /^demo-borough-.*\.svg$/);
  assert.match(svg.text, /^<svg[\s\S]*<\/svg>\s*$/);
  assert.match(svg.text, /immediate-danger/, 'the picture names the rules');
  const cases = await download('Download the case suite');
  assert.match(cases.name, /-cases\.json$/);
  assert.ok(JSON.parse(cases.text).vignettes.length > 10);
  const log = await download('Download the change log');
  assert.match(log.name, /-changes\.md$/);
  assert.match(log.text, /^# /m);
  assert.match(log.text, /generated cases/);
  await cleanRun(opened)();
  await opened.context.close();
});

test('a new concern is added as a copy, renamed, given a domain and a level, and removed again', async () => {
  const opened = await openStudio();
  const { page } = opened;
  await goToTask(page, 'Concerns');
  const rows = page.locator('main tbody tr');
  const before = await rows.count();
  await page.getByRole('button', { name: 'Add another' }).click();
  await checked(page);
  const code = page.getByLabel('Code', { exact: true });
  assert.match(await code.inputValue(), /^duties\.pre_birth_significant_risk_new$/, 'a copy of the last, named to rename');
  await code.fill('learning.new_worry');
  await code.press('Tab');
  await page.getByRole('heading', { name: 'Change learning.new_worry' }).waitFor(T);
  await page.getByLabel('Domain', { exact: true }).selectOption('learning');
  await page.getByLabel('Level 2', { exact: true }).check();
  await page.getByLabel('What users see', { exact: true }).fill('Finds reading much harder than others in the class.');
  await page.getByRole('group', { name: 'Applies before birth' }).or(page.getByLabel('Applies before birth')).first().uncheck();
  await checked(page);
  const concern = await entryJson(page);
  assert.deepEqual(
    { code: concern.code, domain: concern.domain, level: concern.level, unborn: concern.ages?.unborn },
    { code: 'learning.new_worry', domain: 'learning', level: 2, unborn: false },
  );
  await goToTask(page, 'Concerns');
  assert.equal(await rows.count(), before + 1);
  assert.match(await rows.last().innerText(), /learning\.new_worry/);
  await page.getByRole('link', { name: 'Change learning.new_worry' }).click();
  await page.getByRole('button', { name: 'Remove' }).click();
  await checked(page);
  assert.equal(await rows.count(), before);
  assert.match(await page.locator('#studio-changed').innerText(), /no changes since opened/);
  await cleanRun(opened)();
  await opened.context.close();
});

test('a change that lowers decisions is acknowledged before export, for that revision; an error blocks the review and export', async () => {
  const opened = await openStudio();
  const { page } = opened;
  const blocked = page.getByText('Export needs a file with no errors, and every lowered decision acknowledged in the review.');
  // Self-harm moved from level 3 to level 1: decisions go down.
  await relevel(page, 'health.self_harm', 1);
  await goToTask(page, 'Review changes');
  await page.locator('#review-down').waitFor(T);
  assert.match(await page.locator('main').innerText(), /would lower a child's pathway/);
  assert.match(await page.locator('#review-summary').innerText(), /[1-9]\d* go down/);
  assert.match(await page.locator('#review-down').innerText(), /Family Help[\s\S]*Universal or community support/);
  await page.getByRole('button', { name: 'Continue to export' }).click();
  await blocked.waitFor(T);
  assert.equal(await page.getByRole('button', { name: 'Download the guidance file' }).count(), 0);
  await page.getByRole('link', { name: 'Go to the review' }).click();
  await page.getByLabel('I have checked every lowered decision and it is intended').check();
  await page.getByRole('button', { name: 'Continue to export' }).click();
  await page.getByRole('button', { name: 'Download the guidance file' }).waitFor(T);

  // Another edit: the acknowledgement was for the file as it was.
  await goToTask(page, 'Settings');
  await page.getByLabel('The contact that makes a repeat pattern (optional)').fill('4');
  await checked(page);
  await goToTask(page, 'Export');
  await blocked.waitFor(T);

  // An error (an action with no wording) blocks the review and export.
  await goToTask(page, 'Actions');
  await page.getByRole('link', { name: 'Change call_999', exact: true }).click();
  await page.getByLabel('What to do', { exact: true }).fill('');
  await checked(page);
  await goToTask(page, 'Review changes');
  await page.getByText('The file has 1 error. Fix it in the checks panel before the review and export.').waitFor(T);
  await goToTask(page, 'Export');
  await blocked.waitFor(T);
  await cleanRun(opened)();
  await opened.context.close();
});
