// Starts the app. Kept out of index.html because the Content-Security-Policy allows no
// inline script. The start page is already in the page (rendered at build time); the app
// draws the same page in its place. A click on it while the wasm loads is kept and given
// to the app's own button once it is there. If the module or the WebAssembly cannot load,
// the page shows its built-in fallback (999, the front door's number, the guidance).
import init, { start } from "./front-door-triage.js";

const app = document.getElementById("app");

// Offline support for the standalone app (see sw.js), registered once the app is up so
// its precaching never competes with the first question. Not registered by embedded
// widgets: a partner portal's page is not ours to control.
function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js").catch(() => {
    // Without it the app still works online; nothing to tell the user.
  });
}

// The n-th button of the page, as the prerendered page and the app's page have the same
// buttons in the same order (the end-to-end suite checks the two pages are the same).
let pendingButton = null;
function keepEarlyClick(event) {
  const button = event.target instanceof Element ? event.target.closest("button") : null;
  if (!button || !app.contains(button)) return;
  pendingButton = [...app.querySelectorAll("button")].indexOf(button);
  button.setAttribute("aria-busy", "true");
}
app.addEventListener("click", keepEarlyClick);

try {
  await init({ module_or_path: new URL("front-door-triage_bg.wasm", import.meta.url) });
  app.removeEventListener("click", keepEarlyClick);
  const focused = [...app.querySelectorAll("a, button")].indexOf(document.activeElement);
  start();
  // The app renders in microtasks; an animation frame callback runs after them and before
  // the next paint, so the kept click lands on the app's page before anything repaints.
  requestAnimationFrame(() => {
    document.documentElement.classList.remove("app-resuming");
    // Someone who tabbed to a link or button while the wasm loaded keeps their place.
    if (focused >= 0) app.querySelectorAll("a, button")[focused]?.focus();
    if (pendingButton !== null && pendingButton >= 0) {
      app.querySelectorAll("button")[pendingButton]?.click();
    }
    // A test hook (docs/contracts.md 4.6): the page is now the app's own.
    document.documentElement.dataset.appState = "ready";
  });
  const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 1000));
  idle(registerServiceWorker);
} catch (error) {
  app.removeEventListener("click", keepEarlyClick);
  showFallback();
  // A message for the support team, never case data: nothing has been typed yet.
  console.warn("Front Door Triage could not start:", error && error.message);
}

function showFallback() {
  const fallback = document.getElementById("app-fallback");
  const box = document.createElement("div");
  // The <noscript> holds our own static markup, filled at build time from the guidance.
  box.innerHTML = fallback ? fallback.textContent : "";
  const status = box.querySelector("#app-status");
  if (status) {
    status.textContent = "The triage tool could not start in this browser. Use the contacts below instead.";
  }
  document.documentElement.classList.remove("app-resuming");
  app.replaceChildren(...box.childNodes);
}
