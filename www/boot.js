// Starts the app. Kept out of index.html because the Content-Security-Policy allows no
// inline script. If the module or the WebAssembly cannot load, the page keeps its
// built-in fallback (999, the front door's number, the guidance) and says so.
import init, { start } from "./front-door-triage.js";

const status = document.getElementById("app-status");

// Offline support for the standalone app (see sw.js), registered once the app is up so
// its precaching never competes with the first question. Not registered by embedded
// widgets: a partner portal's page is not ours to control.
function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js").catch(() => {
    // Without it the app still works online; nothing to tell the user.
  });
}

try {
  await init({ module_or_path: new URL("front-door-triage_bg.wasm", import.meta.url) });
  start();
  const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 1000));
  idle(registerServiceWorker);
} catch (error) {
  if (status) {
    status.textContent =
      "The triage tool could not start in this browser. Use the contacts below instead.";
  }
  // A message for the support team, never case data: nothing has been typed yet.
  console.warn("Front Door Triage could not start:", error && error.message);
}
