// Browser glue for embedding, imported by the wasm bindings (wasm-bindgen snippet), so
// importing front-door-triage.js is enough to get both mount() and <front-door-triage>.
// Lives in dist/snippets/<crate>/www/, three folders below app.css.

/** The stylesheet each widget links inside its own Shadow DOM. */
export function style_url() {
  return new URL("../../../app.css", import.meta.url).href;
}

/** The element's attributes and the mount() options they set. */
const ATTRIBUTES = { audience: "audience", "guidance-url": "guidanceUrl", "guidance-sha256": "guidanceSha256" };

/** Registers <front-door-triage> once; `mount` is the Rust mount(element, options). */
export function define_element(mount) {
  if (customElements.get("front-door-triage")) return;
  class FrontDoorTriageElement extends HTMLElement {
    static get observedAttributes() {
      return Object.keys(ATTRIBUTES);
    }
    connectedCallback() {
      if (!this._handle) this._open();
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
      if (before === after || !this.isConnected || !this._opened) return;
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
        this._handle = mount(this, options);
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
    }
  }
  customElements.define("front-door-triage", FrontDoorTriageElement);
}
