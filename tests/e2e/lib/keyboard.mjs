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
 * Presses Tab (or Shift+Tab with { back: true }) until `predicate(arg)`, run in the
 * page (it looks at document.activeElement itself), is true. Checks the current element first, so a call is a no-op
 * when focus is already there. Fails after `max` presses with the elements visited.
 */
export async function tabUntil(page, what, predicate, { back = false, max = 150, arg } = {}) {
  const key = back ? 'Shift+Tab' : 'Tab';
  const visited = [];
  for (let i = 0; i <= max; i += 1) {
    // Passed as a function, page.evaluate runs it through the DevTools protocol; it
    // is never eval'd by page script, so the page's CSP (no 'unsafe-eval') is untouched.
    if (await page.evaluate(predicate, arg)) return i;
    if (i === max) break;
    visited.push(await describeFocus(page));
    await page.keyboard.press(key);
  }
  assert.fail(
    `pressed ${key} ${max} times without reaching ${what}; focus went:\n  ` + visited.slice(-25).join('\n  '),
  );
}

/** Predicates on document.activeElement, written to run in the page. */
export const is = {
  button: (name) => {
    const el = document.activeElement;
    return el?.tagName === 'BUTTON' && el.innerText.trim().replace(/\s+/g, ' ').startsWith(name);
  },
  radioIn: (name) => document.activeElement?.type === 'radio' && document.activeElement.name === name,
  checkbox: (value) => document.activeElement?.type === 'checkbox' && document.activeElement.value === value,
  id: (id) => document.activeElement?.id === id,
  link: (text) => document.activeElement?.tagName === 'A' && document.activeElement.innerText.trim() === text,
};

/** The value of the checked radio in group `name`, or null. */
export function checkedRadio(page, name) {
  return page.evaluate((n) => document.querySelector(`input[type=radio][name="${n}"]:checked`)?.value ?? null, name);
}
