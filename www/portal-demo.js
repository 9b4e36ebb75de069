// The demo portal's own script: mounts the JS API widget, points the iframe at this
// origin, and lists every decision event the page receives.
import init, { mount } from "./front-door-triage.js";
import { connectTriageFrame } from "./embed-host.js";

const events = document.getElementById("events");
function show(way, record) {
  const item = document.createElement("li");
  item.dataset.way = way;
  item.textContent = `${way}: recommended ${record.recommendation.pathway}, decided ${record.final.pathway} at ${record.created_at}`;
  const json = document.createElement("pre");
  json.textContent = JSON.stringify(record);
  json.hidden = true;
  item.append(json);
  events.append(item);
}

await init({ module_or_path: new URL("front-door-triage_bg.wasm", import.meta.url) });
window.apiHandle = mount(document.getElementById("triage-api"), {
  audience: "school_dsl",
  onDecision: (record) => show("api", record),
});
document.addEventListener("front-door-triage:decision", (event) => show("element", event.detail));

const frame = document.getElementById("triage-frame");
connectTriageFrame(frame, { origin: location.origin, onDecision: (record) => show("iframe", record) });
frame.src = `embed.html?audience=school_dsl&parent_origin=${encodeURIComponent(location.origin)}`;
