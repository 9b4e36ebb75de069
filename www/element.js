// Browser glue for embedding, imported by the wasm bindings (wasm-bindgen snippet), so
// importing front-door-triage.js is enough to get both mount() and <front-door-triage>.
// Lives in dist/snippets/<crate>/www/, three folders below app.css.

/** The stylesheet each widget links inside its own Shadow DOM. */
export function style_url() {
  return new URL("../../../app.css", import.meta.url).href;
}

/** The element's attributes and the mount() options they set. */
const ATTRIBUTES = { audience: "audience", mode: "mode", "guidance-url": "guidanceUrl", "guidance-sha256": "guidanceSha256" };

/** What the element shows until the wasm has started: styled, with the numbers to call. */
function showLoading(element) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const host = document.createElement("div");
  host.className = "app-host";
  const sheet = document.createElement("link");
  sheet.rel = "stylesheet";
  sheet.href = style_url();
  const status = document.createElement("p");
  status.className = "govuk-body";
  status.setAttribute("role", "status");
  status.textContent = "Loading the triage tool…";
  host.append(sheet, status);
  // The built-in guidance's numbers (filled in at build time by scripts/post-build.mjs);
  // a widget given other guidance cannot know its numbers before the wasm reads it.
  if (!element.hasAttribute("guidance-url")) {
    const contacts = document.createElement("p");
    contacts.className = "govuk-body";
    contacts.textContent = LOADING_CONTACTS;
    host.append(contacts);
  }
  root.replaceChildren(host);
}

const LOADING_CONTACTS =
  "If a child is in immediate danger, call the police on 999 now. To talk about a concern, phone the {{front_door_name}} on {{front_door_phone}}.";

/** The Rust mount(element, options), once the wasm has started. */
let mountWidget = null;

/** Given the Rust mount(): widgets already on the page open now. */
export function define_element(mount) {
  mountWidget = mount;
  for (const element of document.querySelectorAll("front-door-triage")) element._startIfWaiting();
}

// Defined when this module is evaluated, which is when a page imports
// front-door-triage.js, before the wasm downloads: the element shows its loading state at
// once, then opens when define_element() hands over mount().
if (!customElements.get("front-door-triage")) {
  class FrontDoorTriageElement extends HTMLElement {
    static get observedAttributes() {
      return Object.keys(ATTRIBUTES);
    }
    connectedCallback() {
      if (this._handle) return;
      if (mountWidget) this._open();
      else if (!this._waiting) {
        this._waiting = true;
        showLoading(this);
      }
    }
    _startIfWaiting() {
      if (this._waiting && this.isConnected && !this._handle) {
        this._waiting = false;
        this._open();
      }
    }
    // A move (taken out and put back in the same task, as frameworks do when they reorder)
    // keeps the widget and the answers in it; only an element that stays out is closed.
    disconnectedCallback() {
      queueMicrotask(() => {
        if (!this.isConnected) this._close();
      });
    }
    // A host that sets or changes an attribute after the element is on the page (as
    // frameworks do) gets a widget with the new settings, started afresh.
    attributeChangedCallback(_name, before, after) {
      if (before === after || !this.isConnected) return;
      if (this._waiting) {
        showLoading(this);
        return;
      }
      if (!this._opened) return;
      this._close();
      this._open();
    }
    _open() {
      this._opened = true;
      const options = {
        onDecision: (record) =>
          this.dispatchEvent(
            new CustomEvent("front-door-triage:decision", { detail: record, bubbles: true, composed: true }),
          ),
      };
      for (const [attribute, option] of Object.entries(ATTRIBUTES)) {
        if (this.hasAttribute(attribute)) options[option] = this.getAttribute(attribute);
      }
      try {
        this._handle = mountWidget(this, options);
      } catch (error) {
        const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
        const message = document.createElement("p");
        message.setAttribute("role", "alert");
        message.textContent = error.message;
        root.replaceChildren(message);
      }
    }
    _close() {
      this._handle?.unmount();
      this._handle = undefined;
      this._opened = false;
      this._waiting = false;
    }
  }
  customElements.define("front-door-triage", FrontDoorTriageElement);
}
