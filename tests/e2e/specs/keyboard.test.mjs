// The whole flow with the keyboard alone (contracts 5): Tab, Shift+Tab, Space, Enter,
// arrow keys and typing. No click(), no check(), no mouse.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, withApp, HEADINGS, pathwayTitle } from '../lib/journey.mjs';
import { tabUntil, is, checkedRadio, describeFocus } from '../lib/keyboard.mjs';

const suite = useSuite();

test('a family_help journey from start to recorded decision with the keyboard only', async () => {
  await withApp(suite, 'keyboard', async (app) => {
    const { page } = app;
    const kb = page.keyboard;
    // Count any pointer input, to prove none was used.
    await page.evaluate(() => {
      window.__pointerEvents = 0;
      for (const t of ['pointerdown', 'mousedown']) {
        document.addEventListener(t, () => { window.__pointerEvents += 1; }, true);
      }
    });

    // Start page: the skip link is the first stop.
    await kb.press('Tab');
    assert.equal(await describeFocus(page), 'a "Skip to main content"', 'first Tab lands on the skip link');
    await tabUntil(page, 'the Start now button', is.button, { arg: 'Start now' });
    await kb.press('Enter');
    await app.expectHeading(HEADINGS.audience);
    await app.shot('audience');

    // Focus moved to the new page's heading.
    assert.ok(await page.evaluate(() => document.activeElement?.tagName === 'H1'), `focus on the h1, not ${await describeFocus(page)}`);

    // Who: arrow keys within the radio group.
    await tabUntil(page, 'the audience radios', is.radioIn, { arg: 'audience' });
    await kb.press('ArrowDown');
    assert.equal(await checkedRadio(page, 'audience'), 'school_dsl');
    await tabUntil(page, 'Continue', is.button, { arg: 'Continue' });
    await kb.press('Enter');
    await app.expectHeading(HEADINGS.safety);

    // Immediate danger: No.
    await tabUntil(page, 'the immediate danger radios', is.radioIn, { arg: 'immediate-danger' });
    await kb.press('ArrowRight');
    assert.equal(await checkedRadio(page, 'immediate-danger'), 'no');
    await app.shot('safety');
    await tabUntil(page, 'Continue', is.button, { arg: 'Continue' });
    await kb.press('Enter');
    await app.expectHeading(HEADINGS.child);

    // About the child.
    await tabUntil(page, 'the "born" radios', is.radioIn, { arg: 'child-status' });
    await kb.press('Space');
    assert.equal(await checkedRadio(page, 'child-status'), 'born');
    await tabUntil(page, 'the years field', is.id, { arg: 'age-years' });
    await kb.type('7');
    // Shift+Tab goes back to the radio just answered, and Tab returns to the years.
    await tabUntil(page, 'the "born" radio, going back', is.radioIn, { arg: 'child-status', back: true, max: 3 });
    await tabUntil(page, 'the months field', is.id, { arg: 'age-months', max: 3 });
    await kb.type('6');
    await tabUntil(page, 'the SEND radios', is.radioIn, { arg: 'disabled-or-send' });
    await kb.press('ArrowRight');
    assert.equal(await checkedRadio(page, 'disabled-or-send'), 'no');
    await tabUntil(page, 'the social care radios', is.radioIn, { arg: 'known-to-social-care' });
    await kb.press('Space');
    assert.equal(await checkedRadio(page, 'known-to-social-care'), 'none');
    await tabUntil(page, 'the earlier contacts radios', is.radioIn, { arg: 'previous-contacts' });
    await kb.press('Space');
    assert.equal(await checkedRadio(page, 'previous-contacts'), '0');
    assert.equal(await page.locator('#age-years').inputValue(), '7');
    assert.equal(await page.locator('#age-months').inputValue(), '6');
    await app.shot('child');
    await tabUntil(page, 'Continue', is.button, { arg: 'Continue' });
    await kb.press('Enter');
    await app.expectHeading(HEADINGS.concerns);

    // Concerns: search narrows the list, then tick with Space.
    await tabUntil(page, 'the concern search', is.id, { arg: 'concern-search' });
    await kb.type('witnessed');
    await page.getByText(/concerns? match/).waitFor();
    await tabUntil(page, 'the witnessed domestic abuse checkbox', is.checkbox, { arg: 'domestic_abuse.child_witnessed' });
    await kb.press('Space');
    assert.ok(await app.concernBox('domestic_abuse.child_witnessed').isChecked());
    await app.shot('concerns');
    await tabUntil(page, 'Continue', is.button, { arg: 'Continue' });
    await kb.press('Enter');
    await app.expectHeading(HEADINGS.strengths);

    // Strengths.
    await tabUntil(page, 'the trusted adult checkbox', is.checkbox, { arg: 'strength.trusted_adult' });
    await kb.press('Space');
    assert.ok(await app.strengthBox('strength.trusted_adult').isChecked());
    await tabUntil(page, 'Continue', is.button, { arg: 'Continue' });
    await kb.press('Enter');
    await app.expectHeading(HEADINGS.views);

    // Consent and the child's voice.
    await tabUntil(page, 'the consent radios', is.radioIn, { arg: 'consent' });
    await kb.press('Space');
    assert.equal(await checkedRadio(page, 'consent'), 'given');
    await tabUntil(page, "the child's voice", is.id, { arg: 'child-voice' });
    await kb.type('I hide upstairs when it is loud');
    await app.shot('views');
    await tabUntil(page, 'Continue', is.button, { arg: 'Continue' });
    await kb.press('Enter');
    await app.expectHeading(HEADINGS.check);

    await app.shot('check');
    await tabUntil(page, 'Get recommendation', is.button, { arg: 'Get recommendation' });
    await kb.press('Enter');
    await app.outcome().waitFor({ state: 'visible' });
    assert.equal(await app.pathway(), 'family_help');
    assert.equal(await app.level(), '3');
    await app.expectHeading(pathwayTitle('family_help'));
    await app.shot('outcome');

    // Record the decision.
    await tabUntil(page, 'the "do you agree" radios', is.radioIn, { arg: 'agrees' });
    await kb.press('Space');
    assert.equal(await checkedRadio(page, 'agrees'), 'yes');
    await tabUntil(page, 'Record decision', is.button, { arg: 'Record decision' });
    await kb.press('Enter');
    await app.recordedBanner().waitFor({ state: 'visible' });
    await app.shot('recorded');

    // And "Another child in this family" works from the keyboard too: the decision is
    // recorded, so it goes straight to the first question, keeping who is asking.
    await tabUntil(page, 'Another child in this family', is.button, { arg: 'Another child in this family' });
    await kb.press('Enter');
    await app.expectHeading(HEADINGS.safety);
    assert.equal(await checkedRadio(page, 'immediate-danger'), null, 'a fresh child: nothing answered');

    assert.equal(await page.evaluate(() => window.__pointerEvents), 0, 'no pointer input was used');
    await app.assertClean();
  });
});
