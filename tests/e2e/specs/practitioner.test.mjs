// The practitioner's experience (issue 12), in real Chromium under the strict CSP: the
// search finds concerns in the words people type and never steers to the lowest level;
// choices stay listed; nothing ticked is never "level 1"; a different route shows its own
// steps; print holds the whole record; front-door users are not told to phone themselves;
// adults are told the tool is for children; expert mode keeps the recommendation in view
// and a one-concern case takes at most 8 interactions; actions come by urgency; numbers
// and addresses are links; titles, footer, chart and phone layout.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { useSuite, withApp, HEADINGS, REPO_ROOT, guidance, concern } from '../lib/journey.mjs';

const suite = useSuite();
const T = { timeout: 120_000 };
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
/** The README's pictures of the DSL journey, taken here so they always show today's app. */
const README_SHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

async function readmeShot(app, name) {
  mkdirSync(README_SHOTS, { recursive: true });
  await app.page.screenshot({ path: path.join(README_SHOTS, `${name}.png`), fullPage: true });
}

/** The codes of the concern checkboxes on screen, in order. */
function shownConcerns(app) {
  return app.page.locator('input[type="checkbox"][value*="."]').evaluateAll((els) => els.map((e) => e.value));
}

test('search: the words people type find the concern, with the more serious ones beside it; choices stay listed', T, async () => {
  await withApp(suite, 'practitioner-search', async (app) => {
    await app.guided({ child: { years: 7 } }, { stopAt: 'concerns' });
    const search = app.page.getByLabel('Search concerns');

    await search.fill('dad hits mum');
    await app.page.getByText(/\d+ concerns? match/).waitFor();
    const da = await shownConcerns(app);
    assert.ok(da.slice(0, 5).every((c) => c.startsWith('domestic_abuse.')), `domestic abuse first: ${da.slice(0, 5)}`);

    // "depressed" finds a parent's mental health at every level, the highest first.
    await search.fill('depressed');
    const mh = await shownConcerns(app);
    for (const code of ['parent_needs.mental_health_managed', 'parent_needs.mental_health_affecting_care', 'parent_needs.mental_health_risk_to_child']) {
      assert.ok(mh.includes(code), `${code} for "depressed": ${mh}`);
    }

    // Case and accents do not count, however the words are typed (the search folds them
    // itself: src/flow/letters.rs): the same concerns, in the same order.
    await search.fill('DÂD HÏTS MÜM');
    assert.deepEqual(await shownConcerns(app), da, '"DÂD HÏTS MÜM" finds what "dad hits mum" finds');

    // A lower match shows its more serious neighbours under it, marked by level.
    await search.fill('mum overwhelmed');
    await app.page.locator('.app-serious-neighbours').first().waitFor();
    assert.match(await app.page.locator('.app-search-results').innerText(), /\(level [34]\)/);
    await app.shot('neighbours');

    // One match reads "1 concern matches".
    await search.fill('FGM cut');
    const count = await app.page.locator('.app-search-count').innerText();
    assert.match(count, /^(1 concern matches|\d+ concerns match)$/);

    // Ticked concerns stay listed under "Your choices", with Remove, whatever the search shows.
    await search.fill('self harm');
    await app.tickConcerns(['health.self_harm']);
    await search.fill('dad hits mum');
    await app.tickConcerns(['domestic_abuse.child_witnessed']);
    await search.fill('zzqxv');
    const choices = app.page.locator('.app-your-choices');
    assert.match(await choices.innerText(), /Your choices \(2\)/);
    assert.match(await choices.innerText(), new RegExp(concern('health.self_harm').text.slice(0, 30).replace(/[()]/g, '.')));
    await choices.getByRole('button', { name: new RegExp(`^Remove\\s+${concern('health.self_harm').text.slice(0, 20)}`) }).click();
    assert.match(await choices.innerText(), /Your choices \(1\)/);
    await search.fill('');
    assert.ok(!(await app.concernBox('health.self_harm').isChecked()), 'removed');
    assert.ok(await app.concernBox('domestic_abuse.child_witnessed').isChecked(), 'kept');

    // With nothing typed: every area, in a section that folds, with its count ticked.
    const sections = app.page.locator('details.app-domain');
    assert.equal(await sections.count(), guidance().domains.length);
    assert.match(await sections.filter({ hasText: 'Domestic abuse' }).locator(':scope > summary').innerText(), /1 of \d+ ticked/);
    await app.assertClean();
  });
});

test('nothing ticked asks first, and the outcome says there is not enough to recommend a route', T, async () => {
  await withApp(suite, 'practitioner-nothing', async (app) => {
    await app.guided({ child: { years: 10 } }, { stopAt: 'concerns' });
    await app.next(HEADINGS.noConcerns);
    await app.shot('no-concerns');
    // Go back: the concerns page again.
    await app.button('Go back and choose concerns').click();
    await app.expectHeading(HEADINGS.concerns);
    await app.next(HEADINGS.noConcerns);
    await app.next(HEADINGS.strengths, 'Continue without a concern');
    await app.next(HEADINGS.views);
    await app.next(HEADINGS.check);
    await app.getRecommendation();
    const page = await app.page.locator('#main-content').innerText();
    assert.match(page, /Not enough information to recommend a route/);
    assert.ok(!/no concern meets/i.test(page), 'never "no concern meets the threshold"');
    assert.ok(!/Level 1: Universal/.test(page) || /Not enough information/.test(page));
    assert.deepEqual(await app.actions(), ['consultation_line']);
    await app.assertClean();
  });
});

test('a different route shows its own steps, with the recommendation kept beside them', T, async () => {
  await withApp(suite, 'practitioner-override', async (app) => {
    await app.guided({ child: { years: 7 }, concerns: ['domestic_abuse.child_witnessed'], consent: 'given' });
    assert.equal(await app.pathway(), 'family_help');
    assert.ok((await app.actions()).includes('request_family_help'));
    await app.check(app.radio('Do you agree with this recommendation?', 'No, I have decided on a different route'));
    await app.check(app.radio('Which route have you decided on?', guidance().pathways.macpt_referral.title));
    const actions = await app.actions();
    assert.ok(actions.includes('phone_front_door') && actions.includes('phone_out_of_hours'), `the chosen route's steps: ${actions}`);
    assert.ok(!actions.includes('request_family_help'), `not the recommendation's: ${actions}`);
    assert.equal(await app.pathway(), 'family_help', 'the recommendation is kept in its panel');
    assert.match(await app.page.locator('.app-chosen-route').innerText(), /different route/);
    await app.assertClean();
  });
});

test('printing shows the whole record; it also downloads as text; the confirmation takes focus', T, async () => {
  await withApp(suite, 'practitioner-print', async (app) => {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    await app.guided({
      child: { years: 9 }, concerns: ['parent_needs.substance_use_affecting_care'], strengths: ['strength.trusted_adult'],
      consent: 'given', voice: 'Says dad sleeps all day', notes: 'School nurse aware',
    });
    await app.recordDecision({ agrees: false, pathway: 'macpt_referral', reason: 'Second incident this week' });
    await app.recordedBanner().waitFor();
    const focused = await app.page.evaluate(() => document.activeElement?.classList.contains('govuk-notification-banner'));
    assert.ok(focused, 'focus moves to the confirmation');

    await app.button('Copy summary').click();
    await app.page.getByText('Summary copied.', { exact: false }).waitFor();
    const summary = await app.page.evaluate(() => navigator.clipboard.readText());

    await app.page.emulateMedia({ media: 'print' });
    const printed = await app.page.locator('#main-content').innerText();
    for (const line of summary.split('\n').map((l) => l.trim()).filter(Boolean)) {
      assert.ok(printed.includes(line), `printed page lacks: ${line}`);
    }
    for (const must of ['Age: 9 years', 'Says dad sleeps all day', 'School nurse aware', 'Second incident this week', 'SHA-256']) {
      assert.ok(printed.includes(must), `printed: ${must}`);
    }
    await app.shot('print');
    await app.page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([app.page.waitForEvent('download'), app.button('Download as text').click()]);
    assert.match(download.suggestedFilename(), /^decision-record-.+\.txt$/);
    assert.equal(readFileSync(await download.path(), 'utf8'), summary);
    await app.assertClean();
  });
});

test('front-door users are not told to phone the front door; numbers and addresses are links; actions come by urgency', T, async () => {
  await withApp(suite, 'practitioner-front-door', async (app) => {
    await app.guided({ audience: 'front_door', child: { years: 4 }, concerns: ['abuse.unexplained_injury'] });
    const page = await app.page.locator('#main-content').innerText();
    assert.ok(!/Phone the front door/.test(page), 'no "Phone the front door" for the front door itself');
    assert.ok(!page.includes(guidance().contacts.front_door.phone), 'nor its number');

    // By urgency: now, then today, then days; never an empty heading.
    const headings = await app.page.locator('.app-urgency').evaluateAll((els) => els.map((e) => e.dataset.urgency));
    assert.deepEqual(headings, [...headings].sort((a, b) => ['now', 'today', 'days'].indexOf(a) - ['now', 'today', 'days'].indexOf(b)));
    assert.equal(headings[0], 'now');
    for (const list of await app.page.locator('.app-urgency + ol').all()) {
      assert.ok((await list.locator('li').count()) > 0, 'no empty heading');
    }
    const tel = app.page.locator(`a[href="tel:${guidance().contacts.out_of_hours.phone.replace(/\s/g, '')}"]`);
    assert.ok((await tel.count()) > 0, 'the out-of-hours number is a tel: link');

    // The Duty tag keeps its distance from the text.
    const tag = app.page.locator('.app-duty-tag').first();
    if (await tag.count()) {
      assert.ok(parseFloat(await tag.evaluate((e) => getComputedStyle(e).marginRight)) > 0);
    }
    // A rule's reason names the level it led to; a concern is listed once.
    assert.match(await app.reasonsText(), /This rule gives level 4/);
    const text = concern('abuse.unexplained_injury').text;
    const reasons = await app.reasonsText();
    assert.equal(reasons.split(text).length - 1, 1, 'the concern is listed once');
    await app.assertClean();
  });
});

test('an adult who is not a care leaver and has no EHCP is told the tool is for children, with the adult contact', T, async () => {
  await withApp(suite, 'practitioner-adult', async (app) => {
    await app.guided({ child: { years: 19 } }, { stopAt: 'child' });
    await app.answerChild({ years: 19 });
    const question = 'Is the young person a care leaver, or do they have an education, health and care plan (EHCP)?';
    await app.check(app.radio(question, 'No'));
    await app.next(HEADINGS.notAChild);
    const page = await app.page.locator('#main-content').innerText();
    assert.ok(page.includes(guidance().contacts.adult_safeguarding.phone), `adult safeguarding contact: ${page}`);
    await app.shot('not-a-child');
    // A care leaver of 19 is in scope.
    await app.page.getByRole('button', { name: /Change the young person/ }).click();
    await app.expectHeading(HEADINGS.child);
    await app.check(app.radio(question, 'Yes'));
    await app.next(HEADINGS.concerns);
    await app.assertClean();
  });
});

test('expert mode: the recommendation stays in view, says what is still needed, and one concern takes at most 8 interactions', T, async () => {
  await withApp(suite, 'practitioner-expert', async (app) => {
    await app.start();
    await app.chooseAudience('front_door', { mode: 'expert' });
    await app.next(HEADINGS.expert);
    const live = app.page.locator('.app-live');
    assert.match(await live.innerText(), /Still needed: whether the child is in immediate danger/);
    assert.equal(await live.evaluate((e) => getComputedStyle(e).position), 'sticky');

    // Count what a person does for a one-concern case, from the expert page to the outcome.
    let interactions = 0;
    const act = async (fn) => { interactions += 1; await fn(); };
    await act(() => app.check(app.radio('Is the child in immediate danger?', 'No')));
    await act(() => app.check(app.radio('Has the child been born?', 'Yes')));
    await act(() => app.page.getByRole('group', { name: 'How old is the child?' }).getByLabel('Years', { exact: true }).fill('8'));
    await act(() => app.check(app.concernBox('abuse.physical_disclosure')));
    assert.doesNotMatch(await live.innerText(), /Still needed/);
    await act(() => app.click(app.button('Check answers')));
    await app.expectHeading(HEADINGS.check);
    await act(() => app.click(app.button('Get recommendation')));
    await app.outcome().waitFor();
    assert.ok(interactions <= 8, `${interactions} interactions`);
    assert.equal(await app.pathway(), 'macpt_referral');

    // The next child keeps who is asking and how: straight back to the expert page.
    await app.recordDecision({ agrees: true });
    await app.recordedBanner().waitFor();
    await app.click(app.page.getByRole('button', { name: 'Another child in this family' }));
    await app.expectHeading(HEADINGS.expert);
    assert.ok(!(await app.concernBox('abuse.physical_disclosure').isChecked()), 'a fresh case');
    await app.assertClean();
  });
});

test('on a phone, expert mode keeps the recommendation at the foot of the screen', T, async () => {
  await withApp(suite, 'practitioner-expert-phone', async (app) => {
    await app.start();
    await app.chooseAudience('front_door', { mode: 'expert' });
    await app.next(HEADINGS.expert);
    await app.check(app.radio('Is the child in immediate danger?', 'No'));
    await app.answerChild({ years: 8 });
    await app.tickConcerns(['abuse.physical_disclosure']);
    const bar = app.page.locator('.app-live-bar');
    assert.ok(await bar.isVisible(), 'the bar shows on a phone');
    assert.match(await bar.innerText(), new RegExp(guidance().pathways.macpt_referral.title.slice(0, 20)));
    const box = await bar.boundingBox();
    assert.ok(box && box.y + box.height <= 812 + 1, `in view: ${JSON.stringify(box)}`);
    // A smaller demonstration banner on a phone.
    const size = await app.page.locator('.govuk-phase-banner__text').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size <= 14, `${size}px`);
    await app.shot('phone-bar');
    await app.assertClean();
  }, PHONE);
});

test('titles, footer and the chart: each page its own title, errors say so, nothing cut off', T, async () => {
  await withApp(suite, 'practitioner-titles', async (app) => {
    assert.equal(await app.page.title(), 'Front Door Triage', 'the start page: the name once');
    await app.start();
    assert.equal(await app.page.title(), 'Who is using this tool? - Front Door Triage');
    // The new page's heading has focus, with the GOV.UK focus style.
    const focus = await app.page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName, outline: el ? getComputedStyle(el).outlineStyle : '' };
    });
    assert.equal(focus.tag, 'H1');
    assert.notEqual(focus.outline, 'none', 'a focused heading shows the focus style');
    await app.button('Continue').click();
    await app.page.locator('.govuk-error-summary').waitFor();
    assert.equal(await app.page.title(), 'Error: Who is using this tool? - Front Door Triage');

    const footer = await app.page.locator('footer').innerText();
    assert.match(footer, /Privacy notice/);
    assert.match(footer, /Accessibility statement/);
    assert.ok(footer.includes(guidance().contacts.feedback.phone), 'feedback contact from the guidance');
    const mail = app.page.locator(`footer a[href="mailto:${guidance().contacts.feedback.email}"]`);
    assert.equal(await mail.count(), 1, 'the email address is a mailto: link');

    await app.chooseAudience('school_dsl');
    await app.next(HEADINGS.safety);
    await app.answerSafety(false);
    await app.next(HEADINGS.child);
    await app.answerChild({ years: 8 });
    await app.next(HEADINGS.concerns);
    await app.tickConcerns(['behaviour.friendships_bullying']);
    await app.next(HEADINGS.strengths);
    await app.next(HEADINGS.views);
    await app.next(HEADINGS.check);
    // Every area's whole name is in the chart, never cut.
    const labels = await app.page.locator('.app-chart__svg text').evaluateAll((els) =>
      els.map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || t.textContent));
    for (const d of guidance().domains) assert.ok(labels.includes(d.name), `chart: ${d.name} in ${labels}`);
    assert.ok(!labels.some((l) => l.includes('…')), 'nothing cut');
    await app.assertClean();
  });
});

test('the DSL journey on a desktop and on a phone (the README pictures)', T, async () => {
  for (const [name, opts] of [['dsl-desktop', { viewport: { width: 1280, height: 800 } }], ['dsl-phone', PHONE]]) {
    await withApp(suite, `readme-${name}`, async (app) => {
      await app.guided({ child: { years: 7 }, concerns: [], danger: false }, { stopAt: 'concerns' });
      await app.page.getByLabel('Search concerns').fill('dad hits mum');
      await app.page.getByText(/\d+ concerns? match/).waitFor();
      await readmeShot(app, `${name}-search`);
      await app.tickConcerns(['domestic_abuse.child_witnessed']);
      await app.next(HEADINGS.strengths);
      await app.next(HEADINGS.views);
      await app.answerViews({ consent: 'given' });
      await app.next(HEADINGS.check);
      await app.getRecommendation();
      await readmeShot(app, `${name}-outcome`);
      await app.assertClean();
    }, opts);
  }
});

test('closing the tab with answers given and nothing recorded asks first', T, async () => {
  await withApp(suite, 'practitioner-unload', async (app) => {
    await app.start();
    await app.chooseAudience('school_dsl');
    await app.next(HEADINGS.safety);
    await app.answerSafety(false);
    const dialog = new Promise((resolve) => {
      app.page.once('dialog', async (d) => {
        resolve(d.type());
        await d.accept();
      });
    });
    await app.page.close({ runBeforeUnload: true });
    assert.equal(await dialog, 'beforeunload');
  });
});
