// <omnia-error-message>: an OMNIA error in the page's language, as OMNIA's own web components
// are made (a custom element, no framework; properties set by the host page; one render()).
//
//   <script type="module" src="node_modules/omnia-errors/element.js"></script>
//   <omnia-error-message code="TextMaxLengthMismatch" parameters='{"maxLength":50}'></omnia-error-message>
//
// It shows a code with its parameters, or a received body (`element.body = await
// response.json()`), in the language given (`language`: a tag, an OMNIA name such as PTPT,
// an Accept-Language value; or OMNIA's `context`), else in the browser's languages
// (`navigator.languages`), and renders again when any of them changes. Its `lang` attribute
// says the language the text is in.

import { load, localize, message, negotiate } from "./index.js";

class OmniaErrorMessageElement extends HTMLElement {
  static get observedAttributes() {
    return ["code", "parameters", "language", "isolate"];
  }

  constructor() {
    super();
    this.render = this.render.bind(this);
    this._settings = { code: null, parameters: null, body: null, language: null, isolate: false };
    this._renders = 0;
    this._rendered = Promise.resolve();
  }

  connectedCallback() {
    window.addEventListener("languagechange", this.render);
    this.render();
  }

  disconnectedCallback() {
    window.removeEventListener("languagechange", this.render);
  }

  attributeChangedCallback(name, _old, value) {
    if (name === "parameters") {
      try {
        this._settings.parameters = value === null ? null : JSON.parse(value);
      } catch {
        console.warn(`<omnia-error-message>: parameters is not JSON: ${value}`);
        this._settings.parameters = null;
      }
    } else if (name === "isolate") {
      this._settings.isolate = value !== null;
    } else {
      this._settings[name] = value;
    }
    this.render();
  }

  /** The code to show (with `parameters`). */
  get code() {
    return this._settings.code;
  }
  set code(value) {
    this._settings.code = value;
    this.render();
  }

  /** The code's parameters, `{ maxLength: 50 }`. */
  get parameters() {
    return this._settings.parameters;
  }
  set parameters(value) {
    this._settings.parameters = value;
    this.render();
  }

  /** A received body (OMNIA's or Problem Details), shown instead of `code`. */
  get body() {
    return this._settings.body;
  }
  set body(value) {
    this._settings.body = value;
    this.render();
  }

  /** The language asked for; `null` for the browser's. */
  get language() {
    return this._settings.language;
  }
  set language(value) {
    this._settings.language = value;
    this.render();
  }

  /** OMNIA's context: its language translator's language. */
  set context(value) {
    this.language = value?.getLanguageTranslator?.().language ?? null;
  }

  /** Isolation marks around values, for text that may mix writing directions. */
  get isolate() {
    return this._settings.isolate;
  }
  set isolate(value) {
    this._settings.isolate = value === true;
    this.render();
  }

  /** Settles when what is set now is shown. */
  get rendered() {
    return this._rendered;
  }

  render() {
    if (!this.isConnected) return this._rendered;
    const ticket = ++this._renders;
    const { language } = this._settings;
    const locale = negotiate(language ?? globalThis.navigator?.languages ?? []);
    this._rendered = load(locale).then(
      (messages) => {
        // A later render owns the element.
        if (ticket === this._renders) this.replaceChildren(...this.content(messages));
      },
      (error) => console.error(`<omnia-error-message>: the messages of ${locale} did not load`, error),
    );
    return this._rendered;
  }

  /** The nodes of what is set, in `messages`' language. */
  content(messages) {
    const { code, parameters, body, isolate } = this._settings;
    const options = { isolate };
    if (body !== null && typeof body === "object") {
      const localized = localize(body, messages, options);
      this.lang = messages.locale;
      const problem = !Object.hasOwn(body, "message");
      // A problem that is its status alone (about:blank) has a title and no detail.
      const nodes = [text(problem ? (localized.detail ?? localized.title) : localized.message)];
      if (Array.isArray(localized.errors) && localized.errors.length > 0) {
        const list = document.createElement("ul");
        for (const item of localized.errors) {
          const entry = document.createElement("li");
          if (item?.code != null) entry.dataset.code = String(item.code);
          if (item?.name != null) entry.dataset.name = String(item.name);
          entry.textContent = String((problem ? item?.detail : item?.message) ?? "");
          list.append(entry);
        }
        nodes.push(list);
      }
      return nodes;
    }
    if (code === null || code === undefined || code === "") {
      this.removeAttribute("lang");
      return [];
    }
    let shown;
    try {
      shown = message(code, parameters ?? undefined, messages, options);
    } catch (error) {
      // The code's name, as the Rust localizer's last fallback: never a blank.
      console.warn(`<omnia-error-message>: ${error.message}`);
      shown = { text: String(code), locale: "en-US" };
    }
    this.lang = shown.locale;
    return [text(shown.text)];
  }
}

function text(value) {
  const span = document.createElement("span");
  span.textContent = String(value ?? "");
  return span;
}

export { OmniaErrorMessageElement };

customElements.define("omnia-error-message", OmniaErrorMessageElement);
