import type { Code, ErrorResponse, ProblemDetails } from "./catalog.js";

/**
 * `<omnia-error-message>`: a code with its parameters, or a received body, in the language
 * given, else the browser's; defined when this module is imported.
 */
export declare class OmniaErrorMessageElement extends HTMLElement {
  static readonly observedAttributes: readonly string[];
  /** The code to show, with `parameters`. */
  code: Code | null;
  /** The code's parameters. */
  parameters: Readonly<Record<string, unknown>> | null;
  /** A received body, shown instead of `code`. */
  body: ErrorResponse | ProblemDetails | null;
  /** The language asked for (a tag, an OMNIA name, an Accept-Language value); `null` for the browser's. */
  language: string | readonly string[] | null;
  /** OMNIA's context: its language translator's language is used. */
  set context(value: { getLanguageTranslator(): { language: string } } | null);
  /** Isolation marks around values. */
  isolate: boolean;
  /** Settles when what is set now is shown. */
  readonly rendered: Promise<void>;
  render(): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    "omnia-error-message": OmniaErrorMessageElement;
  }
}
