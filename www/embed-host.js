// Host-side snippet for the iframe way: sizes the iframe to its content and hands each
// decision record to your page. Copy it into your portal, or import it from here.
//
//   import { connectTriageFrame } from "https://triage.example/embed-host.js";
//   connectTriageFrame(document.querySelector("iframe#triage"), {
//     origin: "https://triage.example",
//     onDecision: (record) => saveToCaseFile(record),
//   });
export function connectTriageFrame(iframe, { origin, onDecision }) {
  const listener = (event) => {
    if (event.origin !== origin || event.source !== iframe.contentWindow) return;
    const message = event.data || {};
    if (message.type === "front-door-triage:resize" && Number.isFinite(message.height)) {
      iframe.style.height = `${message.height}px`;
    } else if (message.type === "front-door-triage:decision" && onDecision) {
      onDecision(message.record);
    }
  };
  window.addEventListener("message", listener);
  return () => window.removeEventListener("message", listener);
}

/** Prefills the embedded triage with what the portal already knows (a Case, contracts 4.1). */
export function sendInitialCase(iframe, origin, initialCase) {
  iframe.contentWindow.postMessage({ type: "front-door-triage:initial-case", case: initialCase }, origin);
}
