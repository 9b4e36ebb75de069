// Starts the guidance studio (studio.html). Kept out of the page because the
// Content-Security-Policy allows no inline script. The studio has its own wasm
// (studio_bg.wasm), so the triage app's download is never larger for it.
import init, { start_studio } from "./studio.js";

try {
  await init({ module_or_path: new URL("studio_bg.wasm", import.meta.url) });
  start_studio();
  // A test hook: the page is now the studio's own.
  document.documentElement.dataset.appState = "ready";
} catch (error) {
  const status = document.getElementById("studio-status");
  if (status) {
    status.textContent =
      "The guidance studio could not start in this browser. You can still edit a guidance file by hand and check it with triage check and triage lint.";
  }
  // Guidance is not personal data, but say nothing of it here anyway: just what failed.
  console.warn("Guidance studio could not start:", error && error.message);
}
