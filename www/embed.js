// The iframe way of embedding (contracts 4.5). Talks only to the page named by parent_origin:
// decisions and height changes are posted there and nowhere else, and messages from any
// other origin are ignored. Guidance is never taken from the query string.
import init, { mount } from "./front-door-triage.js";

const status = document.getElementById("app-status");
const params = new URLSearchParams(location.search);

function parentOriginFrom(raw) {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    const plain = url.origin === raw || `${url.origin}/` === raw;
    return plain && (url.protocol === "https:" || url.protocol === "http:") ? url.origin : null;
  } catch {
    return null;
  }
}

const parentOrigin = parentOriginFrom(params.get("parent_origin"));
if (!parentOrigin) {
  status.textContent =
    "This page must be embedded by a partner portal: its address needs parent_origin set to the portal's origin, for example https://portal.example.";
} else {
  start(parentOrigin).catch((error) => {
    status.textContent = `The triage tool could not start: ${error && error.message}`;
  });
}

async function start(origin) {
  await init({ module_or_path: new URL("front-door-triage_bg.wasm", import.meta.url) });
  const root = document.getElementById("app");
  const post = (message) => window.parent.postMessage(message, origin);
  let handle;
  // Each widget gets a fresh element: a refused one (bad options) leaves no shadow root
  // behind to hide the message that says why.
  const open = (initialCase) => {
    handle?.unmount();
    handle = undefined;
    const options = { onDecision: (record) => post({ type: "front-door-triage:decision", record }) };
    if (params.has("audience")) options.audience = params.get("audience");
    if (params.has("mode")) options.mode = params.get("mode");
    if (initialCase) options.initialCase = initialCase;
    const element = document.createElement("div");
    root.replaceChildren(element);
    try {
      handle = mount(element, options);
    } catch (error) {
      status.textContent = `The triage tool could not start: ${error && error.message}`;
      root.replaceChildren(status);
    }
  };
  open(null);

  // The host may prefill what it knows; only the named parent may.
  window.addEventListener("message", (event) => {
    if (event.origin !== origin || event.source !== window.parent) return;
    if (event.data && event.data.type === "front-door-triage:initial-case") open(event.data.case);
  });

  // The content's own height, not the document's scrollHeight, which never drops below
  // the frame's current height and so would never let the frame shrink.
  let lastHeight = 0;
  new ResizeObserver(() => {
    const margin = parseFloat(getComputedStyle(root).marginBottom) || 0;
    const height = Math.ceil(root.getBoundingClientRect().bottom + window.scrollY + margin);
    if (height !== lastHeight) {
      lastHeight = height;
      post({ type: "front-door-triage:resize", height });
    }
  }).observe(root);
}
