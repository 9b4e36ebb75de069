// Changing answers from "Check your answers", the error summary pattern, and the
// rule that disagreeing with the recommendation needs a route and a reason.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, withApp, concern, pathwayTitle, HEADINGS } from '../lib/journey.mjs';
import { runAxe, formatViolations } from '../lib/browser.mjs';

const suite = useSuite();

const FAMILY_HELP_CASE = {
  audience: 'school_dsl',
  child: { years: 7, send: false, known: 'none' },
  concerns: ['domestic_abuse.child_witnessed'],
  consent: 'given',
};

/** The error summary: visible, titled "There is a problem", listing `messages` in order. */
async function assertErrorSummary(app, messages) {
  const summary = app.page.locator('.govuk-error-summary');
  await summary.waitFor({ state: 'visible' });
  assert.match(await summary.getByRole('heading').innerText(), /^There is a problem$/);
  const links = await summary.getByRole('link').allInnerTexts();
  assert.deepEqual(links.map((t) => t.trim()), messages, 'error summary links');
  // The summary takes focus when it appears, so screen readers announce it.
  await waitForFocus(app, 'the error summary', () => document.activeElement?.classList.contains('govuk-error-summary'));
  return summary;
}

/** Waits until `predicate` (run in the page) holds; fails naming what has focus instead. */
async function waitForFocus(app, what, predicate, arg) {
  try {
    await app.page.waitForFunction(predicate, arg, { timeout: 5_000 });
  } catch {
    const focused = await app.page.evaluate(() => {
      const el = document.activeElement;
      return el ? el.outerHTML.slice(0, 160) : '(nothing)';
    });
    assert.fail(`expected focus on ${what}, but it is on ${focused}`);
  }
}

test('change concerns from check your answers: family_help becomes macpt_referral', async () => {
  await withApp(suite, 'answers-change', async (app) => {
    const url = app.page.url();
    await app.guided(FAMILY_HELP_CASE);
    assert.equal(await app.pathway(), 'family_help');

    await app.button('Back').click();
    await app.expectHeading(HEADINGS.check);
    const concernsRow = app.page.locator('.govuk-summary-list__row', { hasText: 'Concerns' });
    assert.match(await concernsRow.innerText(), new RegExp(escape(concern('domestic_abuse.child_witnessed').text)));

    await app.page.getByRole('button', { name: 'Change concerns' }).click();
    await app.expectHeading(HEADINGS.concerns);
    assert.ok(await app.concernBox('domestic_abuse.child_witnessed').isChecked(), 'the earlier answer is kept');
    await app.concernBox('domestic_abuse.child_witnessed').uncheck();
    await app.tickConcerns(['abuse.physical_disclosure']);
    await app.shot('concerns-changed');
    // Continue goes straight back to check your answers, not on to strengths.
    await app.next(HEADINGS.check);
    await app.shot('check-changed');
    const row = await concernsRow.innerText();
    assert.ok(row.includes(concern('abuse.physical_disclosure').text), `new concern listed:\n${row}`);
    assert.ok(!row.includes(concern('domestic_abuse.child_witnessed').text), `unticked concern gone:\n${row}`);

    // A second change (the age) also returns to check.
    await app.page.getByRole('button', { name: "Change the child's age" }).click();
    await app.expectHeading(HEADINGS.child);
    await app.page.getByRole('group', { name: 'How old is the child?' }).getByLabel('Years', { exact: true }).fill('15');
    await app.next(HEADINGS.check);
    const age = app.page.locator('.govuk-summary-list__row', { hasText: 'Age' }).locator('.govuk-summary-list__value');
    assert.equal((await age.innerText()).trim(), '15 years');

    await app.getRecommendation();
    await app.shot('outcome-changed');
    assert.equal(await app.pathway(), 'macpt_referral');
    assert.equal(await app.level(), '4');
    await app.expectHeading(pathwayTitle('macpt_referral'));
    assert.equal(app.page.url(), url, 'the URL never changes');
    await app.assertClean();
  });
});

test('validation uses the error summary: focused, linked to the field, axe clean', async () => {
  await withApp(suite, 'answers-errors', async (app) => {
    const url = app.page.url();
    await app.start();
    await app.chooseAudience('partner');
    await app.next(HEADINGS.safety);

    await app.button('Continue').click();
    const message = 'Select yes if the child is in immediate danger';
    const summary = await assertErrorSummary(app, [message]);
    await app.shot('safety-error');
    await app.expectHeading(HEADINGS.safety); // still on the same question

    // The field itself shows the message, and its group is marked as in error.
    const fieldError = app.page.locator('#immediate-danger-error');
    assert.ok(await fieldError.isVisible(), 'field error message shown');
    assert.match(await fieldError.innerText(), new RegExp(`Error:\\s*${message}`));
    const group = app.page.getByRole('group', { name: HEADINGS.safety });
    assert.match((await group.getAttribute('aria-describedby')) ?? '', /immediate-danger-error/, 'the fieldset is described by the error');

    const violations = await runAxe(app.page);
    assert.equal(violations.length, 0, `axe violations on the error state:\n${formatViolations(violations)}`);

    // The link moves focus to the first radio and leaves the URL alone.
    await summary.getByRole('link', { name: message }).click();
    await waitForFocus(app, 'the first radio (#immediate-danger)', () => document.activeElement?.id === 'immediate-danger');
    const focused = await app.page.evaluate(() => ({
      type: document.activeElement.type,
      value: document.activeElement.value,
    }));
    assert.deepEqual(focused, { type: 'radio', value: 'yes' }, 'focus on the first radio');
    assert.equal(app.page.url(), url, 'the error link does not change the URL');

    // Answering clears the problem and moves on.
    await app.answerSafety(false);
    await app.next(HEADINGS.child);
    assert.equal(await app.page.locator('.govuk-error-summary').count(), 0, 'no error summary on the next page');

    // Several problems on one page are listed in the order of the fields.
    await app.button('Continue').click();
    await assertErrorSummary(app, [
      'Select whether the child has been born',
      'Select yes if the child has a disability or special educational needs',
      "Select whether the child is known to children's social care now",
      'Select how many times the front door has been contacted about this child in the last 12 months',
    ]);
    await app.shot('child-errors');
    const v2 = await runAxe(app.page);
    assert.equal(v2.length, 0, `axe violations on the child page's error state:\n${formatViolations(v2)}`);

    // A bad age is reported against the age field, and what was typed is kept.
    await app.radio('Has the child been born?', 'Yes').check();
    const age = app.page.getByRole('group', { name: 'How old is the child?' });
    await age.getByLabel('Years', { exact: true }).fill('four');
    await app.button('Continue').click();
    await assertErrorSummary(app, [
      'Age in years must be a whole number between 0 and 25',
      'Select yes if the child has a disability or special educational needs',
      "Select whether the child is known to children's social care now",
      'Select how many times the front door has been contacted about this child in the last 12 months',
    ]);
    assert.equal(await age.getByLabel('Years', { exact: true }).inputValue(), 'four');
    await app.page.locator('.govuk-error-summary').getByRole('link', { name: /^Age in years/ }).click();
    await waitForFocus(app, 'the years field (#age-years)', () => document.activeElement?.id === 'age-years');
    await app.shot('age-error');
    await app.assertClean();
  });
});

test('submitting again with the same problem moves focus back to the error summary', async () => {
  await withApp(suite, 'answers-resubmit', async (app) => {
    await app.start();
    await app.chooseAudience('partner');
    await app.next(HEADINGS.safety);
    const message = 'Select yes if the child is in immediate danger';
    await app.button('Continue').click();
    const summary = await assertErrorSummary(app, [message]);
    // The user follows the link to the field, then submits again without answering.
    await summary.getByRole('link', { name: message }).click();
    await waitForFocus(app, 'the first radio (#immediate-danger)', () => document.activeElement?.id === 'immediate-danger');
    await app.button('Continue').click();
    // As a fresh page load of the GOV.UK pattern would, the summary takes focus again,
    // so a screen reader user hears that the answer is still missing.
    await assertErrorSummary(app, [message]);
    await app.assertClean();
  });
});

test('disagreeing with the recommendation needs a route and a reason', async () => {
  await withApp(suite, 'answers-disagree', async (app) => {
    await app.guided(FAMILY_HELP_CASE);
    assert.equal(await app.pathway(), 'family_help');

    // Nothing chosen yet.
    await app.button('Record decision').click();
    await assertErrorSummary(app, ['Select yes if you agree with the recommendation']);
    assert.equal(await app.recordedBanner().count(), 0, 'not recorded');

    await app.radio('Do you agree with this recommendation?', 'No, I have decided on a different route').check();
    const routes = app.page.getByRole('group', { name: 'Which route have you decided on?' });
    await routes.waitFor({ state: 'visible' });
    const offered = await routes.getByRole('radio').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(offered.sort(), ['emergency', 'macpt_referral', 'signpost'], 'every route but the recommended one');
    await app.shot('disagree');

    await app.button('Record decision').click();
    await assertErrorSummary(app, [
      'Select the route you have decided on',
      'Enter why you have decided on a different route',
    ]);
    await app.shot('disagree-errors');
    assert.equal(await app.recordedBanner().count(), 0, 'not recorded without a route and a reason');

    // A reason of spaces is no reason.
    await app.radio('Which route have you decided on?', pathwayTitle('macpt_referral')).check();
    await app.page.getByLabel('Why have you decided on a different route?').fill('   ');
    await app.button('Record decision').click();
    await assertErrorSummary(app, ['Enter why you have decided on a different route']);
    assert.equal(await app.recordedBanner().count(), 0, 'not recorded with a blank reason');

    await app.page.getByLabel('Why have you decided on a different route?').fill('Earlier referrals for the same adult');
    await app.button('Record decision').click();
    await app.recordedBanner().waitFor({ state: 'visible' });
    assert.match(await app.recordedBanner().innerText(), new RegExp(`Your decision: ${escape(pathwayTitle('macpt_referral'))}`));
    assert.equal(await app.page.locator('.govuk-error-summary').count(), 0, 'errors cleared once recorded');
    // The recommendation itself is unchanged by the practitioner's decision.
    assert.equal(await app.pathway(), 'family_help');
    await app.shot('recorded');
    await app.assertClean();
  });
});

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
