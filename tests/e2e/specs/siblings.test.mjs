// Siblings (issue 16, item 1): after recording one child's decision, "Another child in this
// family" starts the next child's case with the family-level concerns (the guidance's
// `about: family`) carried over and ticked, the child's own concerns not, who is asking
// and consent kept, and the child's age asked afresh. Each child gets their own record;
// the records share a random family id and list each other by order ("child 1 of 2"),
// never by name. Standalone guided (with the README's picture), expert mode, and the
// embedded widget, whose host gets one onDecision per child.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { useSuite, withApp, concern, decide, triageBin, HEADINGS, REPO_ROOT, RECORD_SCHEMA } from '../lib/journey.mjs';

const suite = useSuite();
const T = { timeout: 180_000 };
const README_SHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const FAMILY_ID = /^family-[0-9a-f]{32}$/;

before(() => {
  triageBin();
});

// The family: a parent's drinking affects their care (about the family); child 1 saw
// domestic abuse and is missing school (both about child 1 alone).
const FAMILY_CONCERN = 'parent_needs.substance_use_affecting_care';
const CHILD_1_ONLY = ['domestic_abuse.child_witnessed', 'learning.attendance_persistent_absence'];
const CHILD_1 = {
  audience: 'school_dsl',
  child: { years: 9 },
  concerns: [FAMILY_CONCERN, ...CHILD_1_ONLY],
  consent: 'given',
};
// Child 2, a toddler with a health need of their own.
const CHILD_2_OWN = 'health.unmet_health_needs';

async function downloadJson(app, button) {
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.button(button).click()]);
  assert.equal(await download.failure(), null, `${button}: the download completed`);
  return { name: download.suggestedFilename(), json: JSON.parse(readFileSync(await download.path(), 'utf8')) };
}

/** The sibling note on a page of child 2's case. */
function siblingNote(app) {
  return app.page.locator('.app-sibling');
}

test('a DSL enters one child, adds a sibling: family concerns carried, the child\'s own not; the two records list each other', T, async () => {
  await withApp(suite, 'siblings-guided', async (app) => {
    await app.guided(CHILD_1);
    const route1 = await app.pathway();
    await app.recordDecision({ agrees: true });
    await app.recordedBanner().waitFor({ state: 'visible' });
    const { json: first } = await downloadJson(app, 'Download record (JSON)');
    assert.equal(first.schema, RECORD_SCHEMA);
    assert.match(first.family.id, FAMILY_ID, 'a random family id, from nothing about the family');
    assert.deepEqual({ ...first.family, id: 'x' }, { id: 'x', child: 1, of: 1, others: [] }, 'child 1, the first considered');
    // No "Download the family's records" for one child.
    assert.equal(await app.button("Download the family's records (JSON)").count(), 0);

    // Another child in this family: straight to the first question, who is asking kept.
    await app.click(app.button('Another child in this family'));
    await app.expectHeading(HEADINGS.safety);
    await siblingNote(app).waitFor();
    const note = await siblingNote(app).innerText();
    assert.match(note, /Child 2 in this family\./);
    assert.match(note, /Carried over from child 1:/);
    assert.ok(note.includes(concern(FAMILY_CONCERN).text), `the family concern is listed: ${note}`);
    for (const code of CHILD_1_ONLY) assert.ok(!note.includes(concern(code).text), `not carried: ${code}`);
    assert.match(note, /consent, also carried over: Yes, they agree/);
    assert.ok(!(await app.radio(HEADINGS.safety, 'No').isChecked()), 'immediate danger is asked afresh');
    await app.shot('child-2-safety');
    assert.deepEqual(await app.axe('child 2, safety'), [], 'no axe violations with the sibling note');
    mkdirSync(README_SHOTS, { recursive: true });
    await app.page.evaluate(() => document.activeElement?.blur()); // no focus ring in the README
    await app.page.locator('#main-content').screenshot({ path: path.join(README_SHOTS, 'dsl-desktop-sibling.png') });

    await app.answerSafety(false);
    await app.next(HEADINGS.child);
    assert.ok(!(await app.radio('Has the child been born?', 'Yes').isChecked()), 'the child is asked about afresh');
    await app.check(app.radio('Has the child been born?', 'Yes'));
    const years = app.page.getByRole('group', { name: 'How old is the child?' }).getByLabel('Years', { exact: true });
    assert.equal(await years.inputValue(), '', 'the age is asked afresh');
    await app.answerChild({ years: 2 });
    await app.next(HEADINGS.concerns);
    assert.match(await siblingNote(app).innerText(), /carried over from child 1 and ticked below/);
    assert.ok(await app.concernBox(FAMILY_CONCERN).isChecked(), 'the family concern is ticked');
    for (const code of CHILD_1_ONLY) {
      const box = app.concernBox(code);
      assert.ok((await box.count()) === 0 || !(await box.isChecked()), `child 1's own concern is not ticked: ${code}`);
    }
    await app.tickConcerns([CHILD_2_OWN]);
    await app.shot('child-2-concerns');
    await app.next(HEADINGS.strengths);
    await app.next(HEADINGS.views);
    if ((await app.consentQuestion().count()) > 0) {
      assert.ok(await app.radio('Has the family agreed to you asking for help?', 'Yes, they agree').isChecked(), 'consent kept');
    }
    await app.next(HEADINGS.check);
    await app.getRecommendation();
    const route2 = await app.pathway();
    await app.recordDecision({ agrees: true });
    await app.recordedBanner().waitFor({ state: 'visible' });

    // The outcome lists the other child, by order and route.
    const others = app.page.locator('.app-family-others li');
    assert.equal(await others.count(), 1);
    assert.match(await others.first().innerText(), /^Child 1 of 2: /);
    assert.equal(await others.first().getAttribute('data-pathway'), route1);
    await app.shot('child-2-recorded');
    assert.deepEqual(await app.axe('child 2, recorded'), [], 'no axe violations on the recorded outcome');

    // Child 2's record: its own case, the shared id, child 1 listed with their routes.
    const { name, json: second } = await downloadJson(app, 'Download record (JSON)');
    assert.match(name, /^decision-record-child-2-.+\.json$/);
    assert.deepEqual([...second.case.concerns].sort(), [FAMILY_CONCERN, CHILD_2_OWN].sort(), "child 2's own concerns and the family's");
    assert.equal(second.case.child.age_years, 2);
    assert.equal(second.case.consent, 'given');
    assert.deepEqual(second.recommendation, decide(second.case), 'recommendation = triage decide(case)');
    assert.equal(second.family.id, first.family.id, 'the same family id');
    assert.deepEqual(second.family, { id: first.family.id, child: 2, of: 2, others: [{ child: 1, recommended: route1, final: route1 }] });

    // Together: the two records list each other.
    const { json: both } = await downloadJson(app, "Download the family's records (JSON)");
    assert.equal(both.length, 2);
    assert.deepEqual(both[0].case, first.case, "child 1's record, as recorded");
    assert.deepEqual(both[0].family, { id: first.family.id, child: 1, of: 2, others: [{ child: 2, recommended: route2, final: route2 }] });
    assert.deepEqual(both[1], second, "child 2's record, as recorded");

    // The summary to copy says the same.
    const summary = await app.page.locator('.app-summary-text').textContent();
    assert.match(summary, /\nChild 2 of 2\n- Family id: family-[0-9a-f]{32}\n- Also considered: Child 1 of 2: /);
    assert.ok(!/name/i.test(JSON.stringify(second.family)), 'no names');
    await app.assertClean();
  });
});

test('expert mode: the next child opens on the expert page with the family concern ticked and the child\'s own not', T, async () => {
  await withApp(suite, 'siblings-expert', async (app) => {
    await app.start();
    await app.chooseAudience('front_door', { mode: 'expert' });
    await app.next(HEADINGS.expert);
    await app.check(app.radio('Is the child in immediate danger?', 'No'));
    await app.answerChild({ years: 12 });
    await app.tickConcerns([FAMILY_CONCERN, 'domestic_abuse.child_witnessed']);
    await app.answerViews({ consent: 'given' });
    await app.next(HEADINGS.check, 'Check answers');
    await app.getRecommendation();
    await app.recordDecision({ agrees: true });
    await app.recordedBanner().waitFor();
    await app.click(app.button('Another child in this family'));
    await app.expectHeading(HEADINGS.expert);
    assert.match(await siblingNote(app).innerText(), /Child 2 in this family\./);
    assert.ok(await app.concernBox(FAMILY_CONCERN).isChecked(), 'family concern carried');
    assert.ok(!(await app.concernBox('domestic_abuse.child_witnessed').isChecked()), "child 1's own concern not carried");
    await app.shot('child-2');
    assert.deepEqual(await app.axe('child 2, expert'), []);
    await app.assertClean();
  });
});
