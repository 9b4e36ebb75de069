// Runs before the first paint: a tiny blocking script in <head> (the CSP allows no inline
// one). The start page in index.html is what a first visit sees. A tab coming back to its
// draft, or using other guidance, would see that page flash before the app shows the right
// one, with the default authority's number; for those the page waits for the app instead.
// Reads only whether the keys exist; nothing is written.
try {
  const tab = window.sessionStorage;
  if (tab.getItem("front-door-triage:draft") !== null || tab.getItem("front-door-triage:guidance") !== null) {
    document.documentElement.classList.add("app-resuming");
  }
} catch {
  // Storage blocked: then there is no draft either, and the start page is right.
}
