// Browser glue for embedding, imported by the wasm bindings (wasm-bindgen snippet), so
// importing front-door-triage.js is enough to get both mount() and <front-door-triage>.
// Lives in dist/snippets/<crate>/www/, three folders below app.css.

/** The stylesheet each widget links inside its own Shadow DOM. */
export function style_url() {
  return new URL("../../../app.css", import.meta.url).href;
}

/** Registers <front-door-triage> once; `mount` is the Rust mount(element, options). */
export function define_element(mount) {
  if (customElements.get("front-door-triage")) return;
  class FrontDoorTriageElement extends HTMLElement {
    connectedCallback() {
      if (this._handle) return;
      const options = {
        onDecision: (record) =>
          this.dispatchEvent(
            new CustomEvent("front-door-triage:decision", { detail: record, bubbles: true, composed: true }),
          ),
      };
      const attributes = { audience: "audience", "guidance-url": "guidanceUrl", "guidance-sha256": "guidanceSha256" };
      for (const [attribute, option] of Object.entries(attributes)) {
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
    disconnectedCallback() {
      this._handle?.unmount();
      this._handle = undefined;
    }
  }
  customElements.define("front-door-triage", FrontDoorTriageElement);
}
