// Getting the decision out: the downloaded JSON record (contracts 4.3) matches the native
// engine, "Copy summary" puts the plain-text summary on the clipboard, and the
// printed page shows the outcome without the buttons and forms.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSuite, withApp, decide, triageBin, pathwayTitle, guidance, RECORD_SCHEMA } from '../lib/journey.mjs';

const suite = useSuite();

// Build the CLI (if needed) before any browser work, so its compile time is not
// charged to a test.
before(() => {
  triageBin();
});

const JOURNEY = {
  audience: 'front_door',
  child: { years: 4, months: 6, send: true, known: 'open_family_help' },
  concerns: ['basic_care.home_conditions_unsafe', 'domestic_abuse.child_witnessed'],
  strengths: ['strength.extended_family_support', 'strength.trusted_adult'],
  strengthsText: 'Grandmother visits daily',
  consent: 'given',
  voice: 'Likes nursery; says the flat is cold',
  notes: 'Health visitor aware',
};

const EXPECTED_CASE = {
  child: { age_years: 4.5, unborn: false, non_mobile: false, disabled_or_send: true, known_to_social_care: 'open_family_help' },
  immediate_danger: false,
  concerns: ['basic_care.home_conditions_unsafe', 'domestic_abuse.child_witnessed'],
  strengths: ['strength.extended_family_support', 'strength.trusted_adult'],
  consent: 'given',
  audience: 'front_door',
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

test('the downloaded JSON record has the case, the final decision, and the engine\'s own recommendation', async () => {
  await withApp(suite, 'record-download', async (app) => {
    await app.guided(JOURNEY);
    assert.equal(await app.pathway(), 'family_help');
    await app.recordDecision({ agrees: false, pathway: 'macpt_referral', reason: 'Third contact this month; escalating' });
    await app.recordedBanner().waitFor({ state: 'visible' });
    await app.shot('recorded');

    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.button('Download record (JSON)').click(),
    ]);
    assert.match(download.suggestedFilename(), /^decision-record-.+\.json$/, 'a .json file name');
    assert.equal(await download.failure(), null, 'the download completed');
    const record = JSON.parse(readFileSync(await download.path(), 'utf8'));
    await app.page.getByText('Record downloaded as a JSON file.').waitFor();

    assert.equal(record.schema, RECORD_SCHEMA);
    assert.deepEqual(Object.keys(record).sort(), ['case', 'contact', 'created_at', 'family', 'final', 'notes', 'recommendation', 'schema']);
    // A front-door practitioner's record carries the contact record, for the route decided
    // on (child protection), not the one recommended (Family Help).
    assert.equal(record.contact.urgency.rating, 'red');
    assert.equal(record.contact.urgency.rule, 'urgency-child-protection');
    assert.equal(record.contact.parents_informed, true);
    assert.equal(record.contact.manager_authorisation_needed, false);
    assert.equal(record.contact.feedback.text, guidance().contact_record.feedback.macpt_referral.text);
    assert.match(record.family.id, /^family-[0-9a-f]{32}$/, 'a random family id');
    assert.deepEqual({ ...record.family, id: 'x' }, { id: 'x', child: 1, of: 1, others: [] }, 'the first child of the family');
    assert.deepStrictEqual(record.case, EXPECTED_CASE, 'case');
    const { actions: finalActions, ...final } = record.final;
    assert.deepStrictEqual(final, {
      pathway: 'macpt_referral',
      agrees: false,
      reason: 'Third contact this month; escalating',
    }, 'final');
    // The steps recorded are those of the route decided on, not the recommendation's.
    const codes = finalActions.map((a) => a.code);
    assert.ok(codes.includes('phone_front_door') && codes.includes('phone_out_of_hours'), `child protection steps: ${codes}`);
    assert.ok(!codes.includes('request_family_help'), `no Family Help request: ${codes}`);
    assert.deepStrictEqual(record.notes, {
      child_voice: JOURNEY.voice,
      strengths_text: JOURNEY.strengthsText,
      other: JOURNEY.notes,
    }, 'notes');
    assert.match(record.created_at, RFC3339, 'created_at is RFC 3339 with an offset');
    // The time as people write it: "Recorded 1 December 2026, 2:10pm".
    assert.match(await app.recordedBanner().innerText(), /Recorded \d{1,2} [A-Z][a-z]+ \d{4}, \d{1,2}:\d{2}(am|pm)/);

    // The recommendation is exactly what the native engine decides for that case.
    assert.deepStrictEqual(record.recommendation, decide(record.case), 'recommendation = triage decide(case)');
    assert.equal(record.recommendation.pathway, 'family_help');
    await app.assertClean();
  });
});

test('"Copy summary" puts the plain-text record on the clipboard', async () => {
  const origin = suite.server.url;
  await withApp(suite, 'record-copy', async (app) => {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await app.guided({ ...JOURNEY, concerns: ['abuse.physical_disclosure'], consent: 'not_asked' });
    assert.equal(await app.pathway(), 'macpt_referral');
    await app.recordDecision({ agrees: true });
    await app.recordedBanner().waitFor({ state: 'visible' });

    await app.button('Copy summary').click();
    await app.page.getByText('Summary copied. Paste it into the child\'s record.').waitFor();
    const text = await app.page.evaluate(() => navigator.clipboard.readText());
    assert.ok(text.startsWith('FRONT DOOR TRIAGE DECISION RECORD'), `summary header; got:\n${text}`);
    assert.ok(text.includes(`Recommendation: ${pathwayTitle('macpt_referral')} (level 4)`), `recommendation line; got:\n${text}`);
    assert.ok(text.includes("Practitioner's decision: agrees with the recommendation"), `final decision line; got:\n${text}`);
    assert.ok(text.includes('abuse.physical_disclosure'), `the concern code; got:\n${text}`);
    // The same text the page offers to select by hand.
    const shown = await app.page.locator('.app-summary-text').textContent();
    assert.equal(text.trim(), shown.trim(), 'clipboard = "Show the summary text"');
    await app.shot('copied');
    await app.assertClean();
  });
});

test('print shows the outcome panel and hides the form and buttons', async () => {
  await withApp(suite, 'record-print', async (app) => {
    const { page } = app;
    await app.guided(JOURNEY);
    const panel = app.outcome();

    await page.emulateMedia({ media: 'print' });
    assert.ok(await panel.isVisible(), 'the outcome panel prints');
    assert.ok(!(await app.button('Record decision').isVisible()), '"Record decision" is not printed');
    assert.ok(!(await page.getByRole('group', { name: 'Do you agree with this recommendation?' }).isVisible()), 'the record form is not printed');
    assert.ok(!(await app.button('Back').isVisible()), '"Back" is not printed');
    await page.emulateMedia({ media: 'screen' });

    await app.recordDecision({ agrees: true });
    await app.recordedBanner().waitFor({ state: 'visible' });
    await page.emulateMedia({ media: 'print' });
    assert.ok(await panel.isVisible(), 'the outcome panel prints');
    assert.ok(await app.recordedBanner().isVisible(), 'the "Decision recorded" banner prints');
    assert.ok(await page.getByRole('heading', { name: 'What to do now' }).isVisible(), 'the actions print');
    assert.ok(await page.locator('[data-action]').first().isVisible(), 'the action list prints');
    for (const name of ['Copy summary', 'Print', 'Download record (JSON)', 'Another child in this family', 'Start again']) {
      assert.ok(!(await app.button(name).isVisible()), `"${name}" is not printed`);
    }
    await app.shot('print');
    await page.emulateMedia({ media: 'screen' });
    assert.ok(await app.button('Print').isVisible(), 'buttons are back on screen');
    await app.assertClean();
  });
});
