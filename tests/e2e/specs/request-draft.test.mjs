// The request for support, drafted (issue 16, item 2): on a child protection outcome the
// page shows the default guidance's request form, every section heading in its order,
// identity details as placeholders, and nothing the case does not hold (it is exactly
// what `triage draft` writes for the same case); copy, download and print give the same
// text; a signpost outcome shows no draft. The README's picture of a draft is taken here.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { useSuite, withApp, guidance, concern, strength, draftRequest, triageBin, REPO_ROOT } from '../lib/journey.mjs';

const suite = useSuite();
const T = { timeout: 120_000 };
const HEADING = 'Your request for support, drafted';
const README_SHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

before(() => {
  triageBin();
});

// A school's DSL, a child protection referral: a disclosure of physical abuse.
const MACPT = {
  audience: 'school_dsl',
  child: { years: 9, send: true },
  concerns: ['abuse.physical_disclosure', 'learning.attendance_persistent_absence'],
  strengths: ['strength.trusted_adult'],
};
const MACPT_CASE = {
  child: { age_years: 9, unborn: false, non_mobile: false, disabled_or_send: true, known_to_social_care: 'none' },
  immediate_danger: false,
  concerns: MACPT.concerns,
  strengths: MACPT.strengths,
  consent: 'not_asked',
  audience: 'school_dsl',
};

function draftText(app) {
  return app.page.locator('.app-draft-text').innerText();
}

/** Each section heading of the form on a line of its own, in the form's order. */
function assertHeadingsInOrder(text, form) {
  const lines = text.split('\n');
  let from = 0;
  for (const { heading } of form.sections) {
    const at = lines.indexOf(heading, from);
    assert.ok(at >= 0, `heading "${heading}" missing or out of order in:\n${text}`);
    from = at + 1;
  }
}

test('a child protection case: the draft has every section of the form in order, placeholders, and only what the case holds', T, async () => {
  await withApp(suite, 'request-draft-macpt', async (app) => {
    await app.guided(MACPT);
    assert.equal(await app.pathway(), 'macpt_referral');
    await app.page.getByRole('heading', { name: HEADING }).waitFor();
    const form = guidance().request_form;
    const text = await draftText(app);

    assertHeadingsInOrder(text, form);
    assert.equal(text.split('\n')[0], form.title, 'the form\'s own title first');
    for (const placeholder of ["[child's full name]", '[date of birth]', '[address]', '[your name and role]']) {
      assert.ok(text.includes(placeholder), `placeholder ${placeholder}`);
    }
    // What the case holds is there...
    for (const code of MACPT.concerns) assert.ok(text.includes(`- ${concern(code).text}`), code);
    assert.ok(text.includes(`- ${strength('strength.trusted_adult').text}`));
    assert.ok(text.includes('Age: 9 years'));
    assert.ok(text.includes(`Type of request: ${guidance().pathways.macpt_referral.title}`));
    // ...and nothing else: no other concern or strength, and exactly what the native
    // `triage draft` writes from the case alone.
    for (const c of guidance().concerns) {
      if (!MACPT.concerns.includes(c.code)) assert.ok(!text.includes(`- ${c.text}`), `not chosen: ${c.code}`);
    }
    for (const s of guidance().strengths) {
      if (!MACPT.strengths.includes(s.code)) assert.ok(!text.includes(`- ${s.text}`), `not chosen: ${s.code}`);
    }
    assert.equal(text.trim(), draftRequest(MACPT_CASE).trim(), 'the page shows what triage draft prints');
    await app.page.getByRole('heading', { name: HEADING }).scrollIntoViewIfNeeded();
    await app.shot('draft');
    mkdirSync(README_SHOTS, { recursive: true });
    await app.page.locator('.app-request-draft').screenshot({ path: path.join(README_SHOTS, 'dsl-desktop-request-draft.png') });

    // Copy and download give the same text.
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    await app.click(app.button('Copy draft'));
    await app.page.getByText('Draft copied.', { exact: false }).waitFor();
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied.trim(), text.trim(), 'clipboard = the draft shown');
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.button('Download draft (.txt)').click()]);
    assert.match(download.suggestedFilename(), /^request-for-support-.+\.txt$/);
    assert.equal(readFileSync(await download.path(), 'utf8').trim(), text.trim(), 'the .txt file = the draft shown');

    // Print: the page prints without the draft; "Print draft" prints the draft alone.
    // The print dialog is held open (window.print does nothing) so the page can be looked
    // at as it prints, then closed with the browser's own "afterprint".
    const page = app.page;
    await page.emulateMedia({ media: 'print' });
    assert.ok(!(await page.locator('.app-request-draft').isVisible()), 'the page prints without the draft');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => { window.print = () => {}; });
    await app.click(app.button('Print draft'));
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.app-draft-text').isVisible(), 'the draft prints');
    assert.ok(!(await app.outcome().isVisible()), 'the outcome panel does not print with the draft');
    assert.ok(!(await page.locator('.app-reasons').isVisible()), 'nor the rest of the page');
    assert.ok(!(await app.button('Print draft').isVisible()), 'the buttons do not print');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.locator('.app-print-part').count(), 0, 'unmarked after printing');
    assert.ok(!(await page.locator('.app-request-draft').isVisible()), 'and the page prints without the draft again');
    await page.emulateMedia({ media: 'screen' });

    // Recorded with another reason: the practitioner's route and reason are what is asked.
    await app.recordDecision({ agrees: false, pathway: 'family_help', reason: 'Family Help first, with the family\'s agreement' });
    await app.recordedBanner().waitFor({ state: 'visible' });
    const recorded = await draftText(app);
    assert.ok(recorded.includes(`Type of request: ${guidance().pathways.family_help.title}`), recorded);
    assert.ok(recorded.includes("- Family Help first, with the family's agreement"), recorded);
    assertHeadingsInOrder(recorded, form);
    await app.assertClean();
  });
});

test('a signpost case shows no draft, before or after recording', T, async () => {
  await withApp(suite, 'request-draft-signpost', async (app) => {
    await app.guided({ audience: 'school_dsl', child: { years: 9 }, concerns: ['learning.attendance_persistent_absence'] });
    assert.equal(await app.pathway(), 'signpost');
    assert.equal(await app.page.getByRole('heading', { name: HEADING }).count(), 0);
    await app.recordDecision({ agrees: true });
    await app.recordedBanner().waitFor({ state: 'visible' });
    assert.equal(await app.page.getByRole('heading', { name: HEADING }).count(), 0);
    assert.equal(await app.page.locator('.app-draft-text').count(), 0);
    await app.assertClean();
  });
});
