// axe-core (WCAG 2.0–2.2 A/AA) finds nothing on any step of the flow (contracts 5),
// including the states that only appear part-way: the baby mobility question, a
// concern search, the outcome before and after recording, the restart
// confirmation, the 999 page, and the expert page with its live recommendation.
//
// Each test collects every step's findings and fails once, listing them by step.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, withApp, HEADINGS } from '../lib/journey.mjs';

const suite = useSuite();

function assertNoFindings(findings) {
  assert.equal(findings.length, 0, `axe violations:\n\n${findings.join('\n\n')}`);
}

test('axe: every step of the guided flow, a baby with a searched concern, recorded and restarting', async () => {
  await withApp(suite, 'a11y-guided', async (app) => {
    const findings = [];
    const check = async (step) => {
      findings.push(...(await app.axe(step)));
      await app.shot(step);
    };
    await check('start');
    await app.start();
    await check('audience');
    await app.chooseAudience('front_door');
    await check('audience-front-door-mode');
    await app.radio('How do you want to work?', 'One question at a time').check();
    await app.next(HEADINGS.safety);
    await check('safety');
    await app.answerSafety(false);
    await app.next(HEADINGS.child);
    await check('child');
    await app.answerChild({ years: 0, months: 5, mobile: false, send: false, known: 'none' });
    await check('child-baby-mobility');
    await app.next(HEADINGS.concerns);
    await check('concerns');
    await app.page.getByLabel('Search concerns').fill('bruise');
    await app.page.getByText(/\d+ concerns? match/).waitFor();
    await check('concerns-search');
    await app.page.getByLabel('Search concerns').fill('zzqxv');
    await app.page.getByText('No concern matches those words').waitFor();
    await check('concerns-search-empty');
    await app.page.getByLabel('Search concerns').fill('');
    await app.tickConcerns(['domestic_abuse.child_witnessed', 'parent_needs.mental_health_affecting_care']);
    // Open one "Examples" to check the expanded state too.
    await app.page.locator('.app-examples summary').first().press('Enter');
    await check('concerns-ticked');
    await app.next(HEADINGS.strengths);
    await app.tickStrengths(['strength.extended_family_support']);
    await check('strengths');
    await app.next(HEADINGS.views);
    await app.answerViews({ consent: 'refused', voice: 'Quiet, says they are fine', notes: 'Health visitor involved' });
    await check('views');
    await app.next(HEADINGS.check);
    await check('check');
    await app.getRecommendation();
    await check('outcome');
    await app.recordDecision({ agrees: false, pathway: 'macpt_referral', reason: 'Two earlier contacts this month' });
    await app.recordedBanner().waitFor({ state: 'visible' });
    await check('outcome-recorded');
    await app.page.getByText('Show the summary text').press('Enter');
    await check('outcome-summary-open');
    await app.button('Start again').click();
    await app.expectHeading(HEADINGS.restart);
    await check('restart-confirm');
    assertNoFindings(findings);
    await app.assertClean();
  });
});

test('axe: the 999 page and the emergency outcome', async () => {
  await withApp(suite, 'a11y-emergency', async (app) => {
    const findings = [];
    const check = async (step) => {
      findings.push(...(await app.axe(step)));
      await app.shot(step);
    };
    await app.start();
    await app.chooseAudience('partner');
    await app.next(HEADINGS.safety);
    await app.answerSafety(true);
    await app.next(HEADINGS.emergency);
    await check('emergency');
    await app.next(HEADINGS.child, 'Continue to record the details');
    await app.answerChild({ unborn: true, send: false, known: 'none' });
    await check('child-unborn');
    await app.next(HEADINGS.concerns);
    await app.next(HEADINGS.strengths);
    await app.next(HEADINGS.views);
    await app.answerViews({ consent: 'unsafe_to_ask' });
    await app.next(HEADINGS.check);
    await app.getRecommendation();
    assert.equal(await app.pathway(), 'emergency');
    await check('outcome-emergency');
    await app.recordDecision({ agrees: false });
    await app.page.locator('.govuk-error-summary').waitFor({ state: 'visible' });
    await check('outcome-disagree-errors');
    assertNoFindings(findings);
    await app.assertClean();
  });
});

test('axe: the signpost outcome with its services', async () => {
  await withApp(suite, 'a11y-signpost', async (app) => {
    await app.guided({
      audience: 'school_dsl',
      child: { years: 10, send: true, known: 'none' },
      concerns: ['learning.attendance_persistent_absence', 'environment.financial_hardship'],
      strengths: ['strength.good_attendance'],
      consent: 'given',
    });
    assert.equal(await app.pathway(), 'signpost');
    assertNoFindings(await app.axe('outcome-signpost'));
    await app.assertClean();
  });
});

test('axe: the expert page with a live recommendation, and its error state', async () => {
  await withApp(suite, 'a11y-expert', async (app) => {
    const findings = [];
    const check = async (step) => {
      findings.push(...(await app.axe(step)));
      await app.shot(step);
    };
    await app.start();
    await app.chooseAudience('front_door', { mode: 'expert' });
    await app.next(HEADINGS.expert);
    await check('expert-empty');
    await app.button('Check answers').click();
    await app.page.locator('.govuk-error-summary').waitFor({ state: 'visible' });
    await check('expert-errors');
    await app.answerSafety(false);
    await app.answerChild({ years: 14, send: false, known: 'open_family_help' });
    await app.tickConcerns(['health.self_harm', 'outside_home.missing_once']);
    await app.page.locator('.app-live [data-pathway]').waitFor({ state: 'visible' });
    await check('expert-live');
    assertNoFindings(findings);
    await app.assertClean();
  });
});
