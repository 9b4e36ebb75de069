// The front door's contact record (issue 16, item 3): a front-door practitioner sees the
// urgency rating, the checks to make and the feedback owed to the referrer, all following
// the route being recorded; the decision is not recorded until they say whether the
// parents were told and, if not, why; the record then leaves a line for the manager's
// authorisation, in the copied summary, the print and the JSON. Other users see none of it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { useSuite, withApp, guidance, pathwayTitle, PARENTS_TOLD, NOT_TOLD_REASON, REPO_ROOT } from '../lib/journey.mjs';

const suite = useSuite();
const T = { timeout: 120_000 };

// A disclosure of physical abuse, asking the parents not safe: a child protection referral.
const MACPT = {
  audience: 'front_door',
  child: { years: 9 },
  concerns: ['abuse.physical_disclosure'],
  consent: 'unsafe_to_ask',
};
// Domestic abuse the child saw, the family agreeing: Family Help.
const FAMILY_HELP = {
  audience: 'front_door',
  child: { years: 7 },
  concerns: ['domestic_abuse.child_witnessed'],
  consent: 'given',
};

const rules = () => guidance().contact_record;

async function errorSummary(app) {
  const summary = app.page.locator('.govuk-error-summary');
  await summary.waitFor({ state: 'visible' });
  return summary.locator('a').allInnerTexts();
}

test('a child protection contact is rated red with its checks, and "parents not told" needs a reason before it is recorded', T, async () => {
  await withApp(suite, 'contact-record-macpt', async (app) => {
    const { page } = app;
    await app.guided(MACPT);
    assert.equal(await app.pathway(), 'macpt_referral');

    // The rating at the top of the outcome, and in the record form with its reason.
    const line = page.locator('.app-rating-line');
    assert.equal(await line.locator('[data-rag]').getAttribute('data-rag'), 'red');
    assert.match(await line.innerText(), new RegExp(`Respond: ${rules().ratings.red.respond_within}`));
    const section = page.locator('.app-contact-record');
    assert.equal(await section.getAttribute('data-rag'), 'red');
    assert.ok((await section.innerText()).includes(rules().urgency.find((r) => r.id === 'urgency-child-protection').reason));
    assert.ok((await section.innerText()).includes(rules().feedback.macpt_referral.text), 'feedback due to the referrer');

    // The checks for a child protection contact about a 9-year-old's injury, in the
    // guidance's order: records, police, health, school and probation, nothing else.
    const checks = await section.locator('.app-checks input[type="checkbox"]').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(checks, ['check-social-care-records', 'check-police', 'check-health', 'check-school', 'check-probation']);

    // Asking the family was not safe, and the disclosure says not to tell the parents
    // first: the question comes with a warning.
    assert.match(await section.locator('.app-tell-parents-later').innerText(), /could put the child at risk or lose evidence/);

    // Not recorded without the parents' answer...
    await app.check(app.radio('Do you agree with this recommendation?', 'Yes'));
    await app.click(app.button('Record decision'));
    assert.deepEqual(await errorSummary(app), ['Select yes if the parents or carers have been told about this contact']);
    assert.equal(await app.recordedBanner().count(), 0, 'not recorded');
    // ...nor with "no" and no reason, nor a reason of spaces.
    await app.check(app.radio(PARENTS_TOLD, 'No'));
    await app.click(app.button('Record decision'));
    assert.deepEqual(await errorSummary(app), ['Enter why the parents or carers have not been told']);
    await page.getByLabel(NOT_TOLD_REASON).fill('   ');
    await app.click(app.button('Record decision'));
    assert.deepEqual(await errorSummary(app), ['Enter why the parents or carers have not been told']);
    assert.equal(await app.recordedBanner().count(), 0, 'never recorded without a reason');
    // The error summary's link lands on the field.
    await page.locator('.govuk-error-summary a').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'parents-not-informed-reason');
    const violations = await app.axe('contact record with errors');
    assert.deepEqual(violations, [], violations.join('\n'));

    await page.getByLabel(NOT_TOLD_REASON).fill('Telling them could put the child at risk before the strategy discussion');
    await app.check(page.locator('input[value="check-police"]'));

    await app.click(app.button('Record decision'));
    await app.recordedBanner().waitFor({ state: 'visible' });

    const recorded = page.locator('.app-recorded-contact');
    assert.equal(await recorded.getAttribute('data-rag'), 'red');
    const told = await recorded.locator('.app-parents-informed').innerText();
    assert.match(told, /No: Telling them could put the child at risk/);
    assert.match(told, /A manager must authorise this/);
    assert.match(await recorded.innerText(), /1 of 5 made/);

    // The copied, printed and downloaded record.
    const summary = await page.locator('.app-summary-text').textContent();
    for (const expected of [
      'Front door contact record',
      `- Urgency: Red. Respond: ${rules().ratings.red.respond_within}.`,
      '  - [made] Police: ',
      '  - [to make] Children\'s social care records: ',
      '- Parents or carers told about this contact: no',
      '- Why not: Telling them could put the child at risk before the strategy discussion',
      "- Manager's authorisation to go ahead without telling the parents: name and role [",
      `- Feedback to the referrer: ${rules().feedback.macpt_referral.text} By: ${rules().feedback.macpt_referral.within}`,
    ]) {
      assert.ok(summary.includes(expected), `summary lacks ${JSON.stringify(expected)}:\n${summary}`);
    }
    assert.equal(await page.locator('.app-print-record').textContent(), summary, 'printed as copied');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      app.button('Download record (JSON)').click(),
    ]);
    const record = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(record.contact.urgency.rating, 'red');
    assert.equal(record.contact.parents_informed, false);
    assert.equal(record.contact.not_informed_reason, 'Telling them could put the child at risk before the strategy discussion');
    assert.equal(record.contact.manager_authorisation_needed, true);
    assert.deepEqual(record.contact.checks.map((c) => [c.id, c.made]), [
      ['check-social-care-records', false],
      ['check-police', true],
      ['check-health', false],
      ['check-school', false],
      ['check-probation', false],
    ]);
    await app.shot('recorded');
    await app.assertClean();
  });
});

test('the rating and feedback follow the route the practitioner decides on', T, async () => {
  await withApp(suite, 'contact-record-route', async (app) => {
    const { page } = app;
    await app.guided(FAMILY_HELP);
    assert.equal(await app.pathway(), 'family_help');
    const rag = () => page.locator('.app-contact-record').getAttribute('data-rag');
    assert.equal(await rag(), 'green');
    assert.equal(await page.locator('.app-tell-parents-later').count(), 0, 'the family agreed: no warning about telling them');
    assert.ok((await page.locator('.app-feedback-due').innerText()).includes(rules().feedback.family_help.text));

    await app.check(app.radio('Do you agree with this recommendation?', 'No, I have decided on a different route'));
    await app.check(app.radio('Which route have you decided on?', pathwayTitle('macpt_referral')));
    await page.locator('.app-contact-record[data-rag="red"]').waitFor();
    assert.equal(await page.locator('.app-rating-line [data-rag]').getAttribute('data-rag'), 'red');
    assert.ok((await page.locator('.app-feedback-due').innerText()).includes(rules().feedback.macpt_referral.text));
    await app.assertClean();
  });
});

test('a school DSL is not asked for the front door\'s contact record', T, async () => {
  await withApp(suite, 'contact-record-dsl', async (app) => {
    await app.guided({ ...MACPT, audience: 'school_dsl' });
    assert.equal(await app.pathway(), 'macpt_referral');
    assert.equal(await app.page.locator('.app-contact-record, .app-rating-line').count(), 0);
    assert.equal(await app.page.getByRole('group', { name: PARENTS_TOLD }).count(), 0);
    await app.recordDecision();
    await app.recordedBanner().waitFor({ state: 'visible' });
    assert.ok(!(await app.page.locator('.app-summary-text').textContent()).includes('Front door contact record'));
    await app.assertClean();
  });
});

test('the README\'s picture of the contact record, filled in', T, async () => {
  await withApp(suite, 'contact-record-picture', async (app) => {
    const { page } = app;
    await app.guided(MACPT);
    await app.check(page.locator('input[value="check-social-care-records"]'));
    await app.check(page.locator('input[value="check-police"]'));
    await app.check(app.radio(PARENTS_TOLD, 'No'));
    await page.getByLabel(NOT_TOLD_REASON).fill('Telling them could put the child at risk before the strategy discussion');
    const shots = path.join(REPO_ROOT, 'docs', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.locator('.app-contact-record').screenshot({ path: path.join(shots, 'front-door-desktop-contact-record.png') });
    await app.assertClean();
  });
});
