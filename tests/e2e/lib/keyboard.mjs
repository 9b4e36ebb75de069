// Keyboard-only helpers: move focus with Tab / Shift+Tab until the focused
// element is the one wanted, failing with the path focus took if it never gets there.

import assert from 'node:assert/strict';

/** A short description of the focused element, for failure messages. */
export function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(body)';
    const bits = [el.tagName.toLowerCase()];
    if (el.id) bits.push(`#${el.id}`);
    if (el.type) bits.push(`[type=${el.type}]`);
    if (el.name) bits.push(`[name=${el.name}]`);
    if (el.value && (el.type === 'radio' || el.type === 'checkbox')) bits.push(`[value=${el.value}]`);
    const text = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    if (text) bits.push(` "${text}"`);
    return bits.join('');
  });
}

/**
 * Presses Tab (or Shift+Tab with { back: true }) until `predicate(activeElement, arg)`,
 * run in the page, is true. Checks the current element first, so a call is a no-op
 * when focus is already there. Fails after `max` presses with the elements visited.
 */
export async function tabUntil(page, what, predicate, { back = false, max = 150, arg } = {}) {
  const key = back ? 'Shift+Tab' : 'Tab';
  const visited = [];
  for (let i = 0; i <= max; i += 1) {
    const hit = await page.evaluate(
      ([src, a]) => {
        // eslint-disable-next-line no-new-func
        const fn = new Function('el', 'arg', `return (${src})(el, arg);`);
        return !!fn(document.activeElement, a);
      },
      [predicate.toString(), arg],
    );
    if (hit) return i;
    if (i === max) break;
    visited.push(await describeFocus(page));
    await page.keyboard.press(key);
  }
  assert.fail(
    `pressed ${key} ${max} times without reaching ${what}; focus went:\n  ` + visited.slice(-25).join('\n  '),
  );
}

/** Predicates, written to run in the page. */
export const is = {
  button: (el, name) => el.tagName === 'BUTTON' && el.innerText.trim().replace(/\s+/g, ' ').startsWith(name),
  radioIn: (el, name) => el.type === 'radio' && el.name === name,
  checkbox: (el, value) => el.type === 'checkbox' && el.value === value,
  id: (el, id) => el.id === id,
  link: (el, text) => el.tagName === 'A' && el.innerText.trim() === text,
};

/** The value of the checked radio in group `name`, or null. */
export function checkedRadio(page, name) {
  return page.evaluate((n) => document.querySelector(`input[type=radio][name="${n}"]:checked`)?.value ?? null, name);
}
