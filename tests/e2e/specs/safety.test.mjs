// Decision safety on screen (issue 11), in real Chromium under the strict CSP: every child
// protection and emergency outcome names the out-of-hours route, guided and expert; each
// reason shows the law or guidance behind it; duties are tagged from the guidance; a family
// meeting is never offered beside forced marriage; an allegation about a member of staff
// asks whether the child was harmed and leads with the LADO; concerns are offered only to
// the children they fit, and one that no longer fits is an error, never dropped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, withApp, HEADINGS, decide, guidance, concern } from '../lib/journey.mjs';

const suite = useSuite();
const T = { timeout: 120_000 };

function outOfHours() {
  return guidance().contacts.out_of_hours;
}

/** The "What to do now" item of an action, by its code. */
function actionItem(app, code) {
  return app.page.locator(`[data-action="${code}"]`);
}

async function assertOutOfHours(app, what) {
  const item = actionItem(app, 'phone_out_of_hours');
  assert.equal(await item.count(), 1, `${what}: the out-of-hours action is listed`);
  const text = await item.innerText();
  assert.ok(text.includes(outOfHours().phone), `${what}: the out-of-hours number ${outOfHours().phone} is shown: ${text}`);
  assert.ok(text.includes(outOfHours().name), `${what}: the out-of-hours team is named: ${text}`);
}

test('guided: a child protection outcome names the out-of-hours route and shows its sources', T, async () => {
  await withApp(suite, 'safety-macpt', async (app) => {
    await app.guided({ child: { years: 4 }, concerns: ['abuse.unexplained_injury'], consent: 'given' });
    assert.equal(await app.pathway(), 'macpt_referral');
    await assertOutOfHours(app, 'guided child protection');

    // The reason for the route names the law it rests on, as a link that leaves no trace.
    const source = app.page.locator('.app-reasons .app-source').first();
    const text = await source.innerText();
    assert.match(text, /^Source: Children Act 1989, section 47/);
    const link = source.getByRole('link');
    assert.equal(await link.getAttribute('href'), 'https://www.legislation.gov.uk/ukpga/1989/41/section/47');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('rel'), /noreferrer/);
    assert.match(await link.innerText(), /opens in new tab/);

    // No consultation banner beside a child protection referral, as if it were a choice.
    assert.equal(await app.page.locator('.govuk-warning-text', { hasText: 'consultation line' }).count(), 0);
    await app.assertClean();
  });
});

test('guided: an emergency outcome names the out-of-hours route, in the 999 warning and the actions', T, async () => {
  await withApp(suite, 'safety-emergency', async (app) => {
    await app.guided({ danger: true, child: { years: 9 }, concerns: [], consent: 'given' });
    assert.equal(await app.pathway(), 'emergency');
    await assertOutOfHours(app, 'guided emergency');
    const warning = await app.page.locator('.app-emergency').innerText();
    assert.ok(warning.includes(outOfHours().phone), `the 999 warning gives the out-of-hours number: ${warning}`);
    await app.assertClean();
  });
});

test('expert: a child protection outcome names the out-of-hours route', T, async () => {
  await withApp(suite, 'safety-expert', async (app) => {
    await app.start();
    await app.chooseAudience('front_door', { mode: 'expert' });
    await app.next(HEADINGS.expert);
    await app.check(app.radio('Is the child in immediate danger?', 'No'));
    await app.answerChild({ years: 0, months: 3, mobile: false });
    await app.tickConcerns(['abuse.injury_non_mobile_baby']);
    await app.answerViews({ consent: 'not_asked' });
    await app.next(HEADINGS.check, 'Check answers');
    await app.getRecommendation();
    assert.equal(await app.pathway(), 'macpt_referral');
    await assertOutOfHours(app, 'expert child protection');
    // The urgent medical assessment is a duty, tagged from the guidance's own data.
    const medical = actionItem(app, 'urgent_medical_assessment');
    assert.match(await medical.innerText(), /^Duty/);
    await app.assertClean();
  });
});

test('forced marriage: no family meeting is offered, the one-chance duty leads, and duties are tagged from the guidance', T, async () => {
  await withApp(suite, 'safety-forced-marriage', async (app) => {
    await app.guided({ child: { years: 15 }, concerns: ['duties.forced_marriage_or_honour_abuse'], consent: 'given' });
    const actions = await app.actions();
    assert.ok(!actions.includes('offer_family_group_decision_making'), `no family meeting: ${actions}`);
    assert.ok(actions.includes('forced_marriage_unit'), `the forced marriage duty: ${actions}`);
    const duties = guidance().actions.filter((a) => a.duty).map((a) => a.code);
    for (const code of actions) {
      const tagged = (await actionItem(app, code).locator('.app-duty-tag').count()) === 1;
      assert.equal(tagged, duties.includes(code), `${code}: tagged as a duty exactly when the guidance says so`);
    }
    assert.deepEqual(actions, decide({
      child: { age_years: 15 }, concerns: ['duties.forced_marriage_or_honour_abuse'], consent: 'given', audience: 'school_dsl',
    }).actions.map((a) => a.code));
    await app.assertClean();
  });
});

test('an allegation about a member of staff asks whether the child was harmed; no harm leads with the LADO', T, async () => {
  await withApp(suite, 'safety-lado', async (app) => {
    await app.guided({ child: { years: 10 } }, { stopAt: 'concerns' });
    const code = 'duties.allegation_against_adult_in_role';
    const question = concern(code).follow_up.question;
    await app.tickConcerns([code]);
    const group = app.page.getByRole('group', { name: question });
    await group.waitFor();
    await app.shot('follow-up');
    // Not answered: an error that links to the question.
    await app.button('Continue').click();
    const summary = app.page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /Answer the question: Has the child been hurt/);
    await app.check(app.radio(question, 'No'));
    await app.next(HEADINGS.strengths);
    await app.next(HEADINGS.views);
    await app.answerViews({ consent: 'given' });
    await app.next(HEADINGS.check);
    await app.getRecommendation();
    assert.equal(await app.pathway(), 'signpost');
    const title = await app.page.locator('.govuk-panel__title').innerText();
    assert.equal(title, 'Refer the allegation to the LADO today');
    const actions = await app.actions();
    assert.equal(actions[0], 'lado_referral', `the LADO duty leads: ${actions}`);
    const page = await app.page.locator('#main-content').innerText();
    assert.ok(!page.includes('Universal and community services can meet these needs'), 'never reads as universal services');
    await app.shot('lado-outcome');

    // Yes: the child was harmed, so it is a child protection referral as well.
    await app.button('Back').click();
    await app.expectHeading(HEADINGS.check);
    await app.page.getByRole('button', { name: /Change\s+concerns/ }).click();
    await app.expectHeading(HEADINGS.concerns);
    await app.check(app.radio(question, 'Yes'));
    assert.ok(await app.concernBox('duties.allegation_child_harmed').isChecked(), 'yes ticks the harm concern');
    await app.next(HEADINGS.check);
    await app.getRecommendation();
    assert.equal(await app.pathway(), 'macpt_referral');
    const after = await app.actions();
    assert.ok(after.includes('lado_referral') && after.includes('phone_front_door'), `${after}`);
    await app.assertClean();
  });
});

test('concerns are offered only to the children they fit; one the age no longer fits is an error, never dropped', T, async () => {
  await withApp(suite, 'safety-ages', async (app) => {
    const under13 = 'health.sexual_activity_under_13';
    await app.guided({ child: { years: 14 } }, { stopAt: 'concerns' });
    assert.equal(await app.concernBox(under13).count(), 0, 'not offered at 14');
    await app.button('Back').click();
    await app.expectHeading(HEADINGS.child);
    await app.page.getByRole('group', { name: 'How old is the child?' }).getByLabel('Years', { exact: true }).fill('12');
    await app.next(HEADINGS.concerns);
    await app.tickConcerns([under13]);
    // The age is changed after ticking: the concern stays ticked and in view, with an error.
    await app.button('Back').click();
    await app.expectHeading(HEADINGS.child);
    await app.page.getByRole('group', { name: 'How old is the child?' }).getByLabel('Years', { exact: true }).fill('15');
    await app.next(HEADINGS.concerns);
    assert.ok(await app.concernBox(under13).isChecked(), 'still ticked, still shown');
    await app.button('Continue').click();
    const summary = app.page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /is only for children under 13: untick it, or change the child's age/);
    await app.shot('age-error');
    await app.concernBox(under13).uncheck();
    await app.tickConcerns(['health.pregnancy_under_16']);
    await app.next(HEADINGS.strengths);
    await app.assertClean();
  });
});

test('consent refused for family help: no request is offered, the consultation line and keeping in touch are', T, async () => {
  await withApp(suite, 'safety-refused', async (app) => {
    await app.guided({ child: { years: 11 }, concerns: ['parent_needs.substance_use_affecting_care'], consent: 'refused' });
    assert.equal(await app.pathway(), 'family_help');
    const actions = await app.actions();
    assert.ok(!actions.includes('request_family_help'), `no request: ${actions}`);
    assert.ok(actions.includes('consultation_line') && actions.includes('keep_supporting_and_revisit_consent'), `${actions}`);
    await app.assertClean();
  });
});
