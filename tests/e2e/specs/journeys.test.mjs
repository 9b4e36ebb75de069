// One guided journey per pathway, the expert page's live recommendation, and a
// baby who is not yet mobile: each ends on the outcome page with the pathway,
// level, reasons and actions the guidance gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, withApp, concern, pathwayTitle, decide, HEADINGS } from '../lib/journey.mjs';

const suite = useSuite();

const RULE_TEXT = {
  default: /No concern meets the Family Help or child protection threshold/,
  level3: /At least one concern is at level 3/,
  level4: /At least one concern is at level 4/,
  danger: /The child is in immediate danger\./,
  baby: /The child is a baby under one, unborn or not yet mobile/,
};

/** The reasons list shows the rule's text and each concern as "<text> (level N)". */
async function assertReasons(app, ruleTexts, concernCodes) {
  const why = await app.reasonsText();
  for (const re of ruleTexts) assert.match(why, re, `"Why" should say ${re}; it says:\n${why}`);
  for (const code of concernCodes) {
    const c = concern(code);
    assert.ok(why.includes(`${c.text} (level ${c.level})`), `"Why" should list ${code} as "${c.text} (level ${c.level})"; it says:\n${why}`);
  }
}

async function assertOutcome(app, pathway, level) {
  assert.equal(await app.pathway(), pathway, 'data-pathway');
  assert.equal(await app.level(), String(level), 'data-level');
  await app.expectHeading(pathwayTitle(pathway));
}

test('signpost: persistent absence only', async () => {
  await withApp(suite, 'journeys-signpost', async (app) => {
    await app.guided({
      audience: 'school_dsl',
      child: { years: 9, send: false, known: 'none' },
      concerns: ['learning.attendance_persistent_absence'],
      consent: 'not_asked',
    });
    await assertOutcome(app, 'signpost', 2);
    await assertReasons(app, [RULE_TEXT.default], ['learning.attendance_persistent_absence']);
    const actions = await app.actions();
    for (const a of ['request_family_help', 'phone_front_door', 'call_999']) {
      assert.ok(!actions.includes(a), `signpost should not ask to ${a}; actions: ${actions}`);
    }
    // The outcome names where to go.
    assert.ok(await app.page.getByRole('heading', { name: 'Services that may help' }).isVisible(), 'services listed');
    await app.assertClean();
  });
});

test('family_help: child witnessed domestic abuse, consent given', async () => {
  await withApp(suite, 'journeys-family-help', async (app) => {
    await app.guided({
      audience: 'school_dsl',
      child: { years: 7, months: 6, send: false, known: 'none' },
      concerns: ['domestic_abuse.child_witnessed'],
      strengths: ['strength.trusted_adult'],
      consent: 'given',
      voice: 'I hide upstairs when it gets loud',
    });
    await assertOutcome(app, 'family_help', 3);
    await assertReasons(app, [RULE_TEXT.level3], ['domestic_abuse.child_witnessed']);
    const actions = await app.actions();
    assert.ok(actions.includes('request_family_help'), `request_family_help expected; actions: ${actions}`);
    assert.ok(!actions.includes('phone_front_door'), `no child protection phone call; actions: ${actions}`);
    await app.assertClean();
  });
});

test('macpt_referral: physical abuse disclosure, never seek consent', async () => {
  await withApp(suite, 'journeys-macpt', async (app) => {
    await app.guided({
      audience: 'partner',
      child: { years: 11, send: true, known: 'none' },
      concerns: ['abuse.physical_disclosure'],
      consent: 'not_asked',
    });
    await assertOutcome(app, 'macpt_referral', 4);
    await assertReasons(app, [RULE_TEXT.level4], ['abuse.physical_disclosure']);
    const actions = await app.actions();
    assert.ok(actions.includes('phone_front_door'), `phone_front_door expected; actions: ${actions}`);
    assert.ok(actions.includes('confirm_in_writing'), `confirm_in_writing expected; actions: ${actions}`);
    assert.ok(
      actions.indexOf('phone_front_door') < actions.indexOf('confirm_in_writing'),
      `phone first, then confirm in writing; actions: ${actions}`,
    );
    assert.ok(!actions.includes('seek_consent'), `a child protection referral must not seek consent; actions: ${actions}`);
    assert.ok(!actions.includes('request_family_help'), `actions: ${actions}`);
    await app.assertClean();
  });
});

test('emergency: immediate danger shows the 999 page, then the rest, then call_999 first', async () => {
  await withApp(suite, 'journeys-emergency', async (app) => {
    await app.guided({
      audience: 'partner',
      danger: true,
      child: { years: 5, send: false, known: 'open_family_help' },
      concerns: [],
      consent: 'unsafe_to_ask',
    }, { stopAt: 'emergency' });
    // The 999 page comes straight after "Yes", before any other question.
    assert.match(await app.page.locator('#main-content').innerText(), /Call the police on 999 now/);
    await app.next(HEADINGS.child, 'Continue to record the details');
    await app.answerChild({ years: 5, send: false, known: 'open_family_help' });
    await app.shot('child');
    await app.next(HEADINGS.concerns);
    await app.shot('concerns');
    await app.next(HEADINGS.strengths);
    await app.shot('strengths');
    await app.next(HEADINGS.views);
    await app.answerViews({ consent: 'unsafe_to_ask' });
    await app.shot('views');
    await app.next(HEADINGS.check);
    await app.shot('check');
    await app.getRecommendation();
    await app.shot('outcome');

    assert.equal(await app.pathway(), 'emergency', 'data-pathway');
    assert.equal(await app.level(), '4', 'data-level');
    await assertReasons(app, [RULE_TEXT.danger], []);
    const actions = await app.actions();
    assert.equal(actions[0], 'call_999', `call_999 must be the first action; actions: ${actions}`);
    assert.ok(actions.includes('phone_front_door'), `then the front door; actions: ${actions}`);
    assert.ok(!actions.includes('seek_consent'), `actions: ${actions}`);
    await app.assertClean();
  });
});

test('expert mode: the live recommendation follows the concerns ticked, and the outcome agrees', async () => {
  await withApp(suite, 'journeys-expert', async (app) => {
    await app.shot('start');
    await app.start();
    await app.chooseAudience('front_door', { mode: 'expert' });
    await app.shot('audience');
    await app.next(HEADINGS.expert);

    const live = app.page.locator('.app-live [data-pathway]');
    const liveIs = async (pathway) => {
      await app.page.locator(`.app-live [data-pathway="${pathway}"]`).waitFor({ state: 'visible' });
      assert.equal(await live.getAttribute('data-pathway'), pathway);
    };
    assert.equal(await live.count(), 0, 'no live recommendation before the age is known');

    await app.answerSafety(false);
    await app.answerChild({ years: 8, send: false, known: 'none' });
    await liveIs('signpost');
    await app.shot('live-none');

    await app.tickConcerns(['learning.attendance_persistent_absence']);
    await liveIs('signpost');
    await app.shot('live-signpost');

    await app.tickConcerns(['domestic_abuse.child_witnessed']);
    await liveIs('family_help');
    assert.equal(await live.getAttribute('data-level'), '3');
    await app.shot('live-family-help');

    await app.tickConcerns(['abuse.physical_disclosure']);
    await liveIs('macpt_referral');
    assert.equal(await live.getAttribute('data-level'), '4');
    assert.match(await live.innerText(), /At least one concern is at level 4/);
    await app.shot('live-macpt');

    await app.answerViews({ consent: 'not_asked' });
    await app.next(HEADINGS.check, 'Check answers');
    await app.shot('check');
    await app.getRecommendation();
    await app.shot('outcome');
    assert.equal(await app.pathway(), 'macpt_referral');
    assert.equal(await app.level(), '4');
    await assertReasons(app, [/At least one concern is at level 4/], ['abuse.physical_disclosure']);

    // The same case through the native engine gives the same route.
    const expected = decide({
      child: { age_years: 8, unborn: false, non_mobile: false, disabled_or_send: false, known_to_social_care: 'none' },
      immediate_danger: false,
      concerns: ['learning.attendance_persistent_absence', 'domestic_abuse.child_witnessed', 'abuse.physical_disclosure'],
      strengths: [],
      consent: 'not_asked',
      audience: 'front_door',
    });
    assert.equal(await app.pathway(), expected.pathway);
    assert.deepEqual(await app.actions(), expected.actions.map((a) => a.code));
    await app.assertClean();
  });
});

test('baby of 4 months, not yet mobile, with an injury: macpt_referral', async () => {
  await withApp(suite, 'journeys-baby', async (app) => {
    await app.guided({
      audience: 'front_door',
      child: { years: 0, months: 4, mobile: false, send: false, known: 'none' },
      concerns: ['abuse.injury_non_mobile_baby'],
      consent: 'unsafe_to_ask',
    }, { stopAt: 'child' });
    // The mobility question appears only once the age says "under one".
    const mobility = app.page.getByRole('group', { name: 'Can the baby move around on their own yet?' });
    assert.equal(await mobility.count(), 0, 'no mobility question before the age is typed');
    await app.answerChild({ years: 0, months: 4, mobile: false, send: false, known: 'none' });
    assert.ok(await mobility.isVisible(), 'mobility question shown for a baby under one');
    await app.shot('child-baby');
    await app.next(HEADINGS.concerns);
    await app.tickConcerns(['abuse.injury_non_mobile_baby']);
    await app.shot('concerns');
    await app.next(HEADINGS.strengths);
    await app.shot('strengths');
    await app.next(HEADINGS.views);
    await app.answerViews({ consent: 'unsafe_to_ask' });
    await app.shot('views');
    await app.next(HEADINGS.check);
    const age = app.page.locator('.govuk-summary-list__row', { hasText: 'Age' }).locator('.govuk-summary-list__value');
    assert.equal((await age.innerText()).trim(), '0 years 4 months, not yet mobile');
    await app.shot('check');
    await app.getRecommendation();
    await app.shot('outcome');

    assert.equal(await app.pathway(), 'macpt_referral');
    assert.equal(await app.level(), '4');
    await assertReasons(app, [RULE_TEXT.level4], ['abuse.injury_non_mobile_baby']);
    const actions = await app.actions();
    assert.ok(actions.includes('phone_front_door'), `actions: ${actions}`);
    assert.ok(!actions.includes('seek_consent'), `actions: ${actions}`);
    await app.assertClean();
  });
});
