// The in-progress triage lives in sessionStorage only: it survives a reload,
// follows the browser's Back and Forward buttons without touching the URL, is
// cleared by "Start again", is discarded (with a notice) when damaged, and
// nothing is ever put in localStorage or cookies.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, withApp, HEADINGS, DRAFT_KEY, PREVIOUS_CONTACTS_QUESTION } from '../lib/journey.mjs';

const suite = useSuite();

/** The URL the app was opened at, and what it must stay: no query, no hash. */
function assertSameUrl(app, url, when) {
  assert.equal(app.page.url(), url, `URL changed ${when}`);
  const u = new URL(app.page.url());
  assert.equal(u.search, '', `no query string ${when}`);
  assert.equal(u.hash, '', `no hash ${when}`);
}

async function answersOnChildPage(app) {
  const age = app.page.getByRole('group', { name: 'How old is the child?' });
  return {
    born: await app.radio('Has the child been born?', 'Yes').isChecked(),
    years: await age.getByLabel('Years', { exact: true }).inputValue(),
    months: await age.getByLabel('Months', { exact: true }).inputValue(),
    send: await app.radio('Does the child have a disability or special educational needs (SEND)?', 'Yes').isChecked(),
    known: await app.radio("Is the child known to children's social care now?", 'Yes, open to Family Help (child in need or early help)').isChecked(),
    previous: await app.radio(PREVIOUS_CONTACTS_QUESTION, 'Twice').isChecked(),
  };
}

test('a reload on the concerns page restores the step and every answer', async () => {
  await withApp(suite, 'drafts-reload', async (app) => {
    await app.start();
    await app.chooseAudience('school_dsl');
    await app.next(HEADINGS.safety);
    await app.answerSafety(false);
    await app.next(HEADINGS.child);
    await app.answerChild({ years: 7, months: 3, send: true, known: 'open_family_help', previous: 2 });
    await app.next(HEADINGS.concerns);
    await app.tickConcerns(['health.self_harm', 'domestic_abuse.child_witnessed']);
    await app.shot('before-reload');

    const stored = JSON.parse(await app.draft());
    assert.equal(stored.step, 'concerns', 'the draft records the step');

    await app.page.reload();
    await app.expectHeading(HEADINGS.concerns, 30_000);
    await app.shot('after-reload');
    assert.ok(await app.concernBox('health.self_harm').isChecked(), 'first concern still ticked');
    assert.ok(await app.concernBox('domestic_abuse.child_witnessed').isChecked(), 'second concern still ticked');
    assert.match(await app.page.locator('#main-content').innerText(), /Your choices \(2\)/);

    // Walk back through the earlier questions: each answer is still there.
    await app.button('Back').click();
    await app.expectHeading(HEADINGS.child);
    assert.deepEqual(await answersOnChildPage(app), { born: true, years: '7', months: '3', send: true, known: true, previous: true });
    await app.shot('child-restored');
    await app.button('Back').click();
    await app.expectHeading(HEADINGS.safety);
    assert.ok(await app.radio(HEADINGS.safety, 'No').isChecked(), 'immediate danger: No');
    await app.button('Back').click();
    await app.expectHeading(HEADINGS.audience);
    assert.ok(await app.page.getByRole('radio', { name: 'School or college designated safeguarding lead' }).isChecked());
    await app.assertClean();
  });
});

test("the browser's Back and Forward move between steps and never change the URL", async () => {
  await withApp(suite, 'drafts-history', async (app) => {
    const { page } = app;
    const url = page.url();
    assertSameUrl(app, url, 'on the start page');
    await app.start();
    assertSameUrl(app, url, 'after Start now');
    await app.chooseAudience('partner');
    await app.next(HEADINGS.safety);
    assertSameUrl(app, url, 'on the safety question');
    await app.answerSafety(false);
    await app.next(HEADINGS.child);
    await app.answerChild({ years: 12, send: false, known: 'none' });
    await app.next(HEADINGS.concerns);
    await app.tickConcerns(['health.self_harm']);
    await app.next(HEADINGS.strengths);
    assertSameUrl(app, url, 'on the strengths question');

    await page.goBack();
    await app.expectHeading(HEADINGS.concerns);
    assert.ok(await app.concernBox('health.self_harm').isChecked(), 'answers kept going back');
    assertSameUrl(app, url, 'after Back');
    await app.shot('back-concerns');

    await page.goBack();
    await app.expectHeading(HEADINGS.child);
    assert.equal(await page.getByRole('group', { name: 'How old is the child?' }).getByLabel('Years', { exact: true }).inputValue(), '12');
    assertSameUrl(app, url, 'after Back twice');

    await page.goForward();
    await app.expectHeading(HEADINGS.concerns);
    assertSameUrl(app, url, 'after Forward');
    await page.goForward();
    await app.expectHeading(HEADINGS.strengths);
    assertSameUrl(app, url, 'after Forward twice');
    await app.shot('forward-strengths');

    // The journey carries on normally from there.
    await app.next(HEADINGS.views);
    await app.answerViews({ consent: 'not_asked' });
    await app.next(HEADINGS.check);
    await app.getRecommendation();
    assert.equal(await app.pathway(), 'family_help');
    assertSameUrl(app, url, 'on the outcome');
    await app.shot('outcome');
    await app.assertClean();
  });
});

test('"Start again" asks first, then clears the draft and shows the start page', async () => {
  await withApp(suite, 'drafts-restart', async (app) => {
    await app.start();
    await app.chooseAudience('school_dsl');
    await app.next(HEADINGS.safety);
    await app.answerSafety(false);
    await app.next(HEADINGS.child);
    await app.answerChild({ years: 6, send: false, known: 'none' });
    assert.ok(await app.draft(), 'a draft is kept while answering');

    // "No, go back" keeps everything.
    await app.button('Start again').click();
    await app.expectHeading(HEADINGS.restart);
    await app.shot('confirm');
    await app.button('No, go back').click();
    await app.expectHeading(HEADINGS.child);
    assert.equal(await app.page.getByRole('group', { name: 'How old is the child?' }).getByLabel('Years', { exact: true }).inputValue(), '6');

    await app.button('Start again').click();
    await app.expectHeading(HEADINGS.restart);
    await app.button('Yes, clear my answers').click();
    await app.waitForStart();
    await app.expectHeading(HEADINGS.start);
    await app.shot('start');
    assert.equal(await app.draft(), null, `sessionStorage still holds ${DRAFT_KEY}`);
    assert.equal(await app.page.getByRole('button', { name: 'Start again' }).count(), 0, 'no "Start again" on the start page');

    // A fresh journey starts with nothing answered.
    await app.start();
    assert.equal(await app.page.getByRole('radio', { checked: true }).count(), 0, 'no audience chosen');
    await app.assertClean();
  });
});

test('a damaged draft is discarded with a notice, and no console error', async () => {
  await withApp(suite, 'drafts-corrupt', async (app) => {
    await app.page.evaluate((k) => sessionStorage.setItem(k, '{broken'), DRAFT_KEY);
    await app.page.reload();
    await app.waitForStart(30_000);
    const notice = app.page.getByRole('region', { name: 'Important' });
    await notice.waitFor({ state: 'visible' });
    assert.match(await notice.innerText(), /could not be read/);
    await app.shot('notice');
    assert.equal(await app.draft(), null, 'the damaged draft is removed');
    // The notice goes once the user moves on.
    await app.start();
    assert.equal(await notice.count(), 0, 'notice cleared after Start now');
    await app.assertClean();
  });
});

test('nothing in localStorage or cookies after a whole journey', async () => {
  await withApp(suite, 'drafts-storage', async (app) => {
    await app.guided({
      audience: 'front_door',
      child: { years: 3, send: false, known: 'none' },
      concerns: ['domestic_abuse.child_witnessed'],
      consent: 'given',
      voice: 'Says home is noisy',
      notes: 'Seen at nursery',
    });
    await app.recordDecision({ agrees: true });
    await app.recordedBanner().waitFor({ state: 'visible' });
    assert.deepEqual(await app.context.cookies(), [], 'no cookies');
    assert.equal(await app.page.evaluate(() => localStorage.length), 0, 'localStorage is empty');
    const session = await app.page.evaluate(() => Object.keys(sessionStorage));
    assert.deepEqual(session, [DRAFT_KEY], 'only the draft is in sessionStorage');
    await app.assertClean();
  });
});
