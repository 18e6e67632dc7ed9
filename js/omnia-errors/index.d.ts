import type {
  Code,
  CodeParameters,
  ErrorCode,
  ErrorResponse,
  Locale,
  ProblemDetails,
  StatusProblem,
  ValidationErrorCode,
} from "./catalog.js";

// The catalog's types, and the values index.js exports (its loaders are its own).
export type * from "./catalog.js";
export {
  docsPage,
  errorCodes,
  httpStatus,
  locales,
  parameters,
  sourceLocale,
  statusTitles,
  validationErrorCodes,
} from "./catalog.js";

/** What a locale's formatters do for its compiled messages. */
export interface Formatters {
  /** A number, grouped as the locale groups digits. */
  readonly n: (value: number | bigint) => string;
  /** A number's CLDR plural category. */
  readonly c: (value: number | bigint) => string;
  /** A placeable, in isolation marks when they are on. */
  readonly i: (text: string) => string;
}

/** A compiled message: a text, or a function of its parameters. */
export type Pattern = string | ((parameters: any, formatters: Formatters) => string) | null;

/**
 * The compiled messages of one locale: the default export of `omnia-errors/messages/<tag>`,
 * and (with `titles`) what `load` gives.
 */
export interface Messages<L extends Locale = Locale> {
  readonly locale: L;
  /**
   * Each code's message, in the order of `errorCodes` then `validationErrorCodes` (a code with
   * optional parameters has `[generic, contextual]`). `null` (or nothing) where the locale has
   * none: the fallback's is used.
   */
  readonly messages: readonly (Pattern | readonly [Pattern, Pattern])[];
  /** Where a message this locale cannot write comes from (en-US), when there is one. */
  readonly fallback?: Messages;
  /**
   * The locale's titles of HTTP statuses, in what `load` gives (a module's default export
   * has none: they are its `titles` export), with which `localize` titles `about:blank`
   * problems.
   */
  readonly titles?: Titles<L>;
}

/**
 * The titles of HTTP statuses in one locale: the `titles` export of
 * `omnia-errors/messages/<tag>`, apart from its messages so that a bundle of a UI that never
 * titles a status leaves them out. For `statusTitle`, and `localize`'s `titles` option.
 */
export interface Titles<L extends Locale = Locale> {
  readonly locale: L;
  /**
   * The titles of the statuses of `statusTitles`, in order, then the 4xx and 5xx class
   * titles. `null` (or nothing) where the locale has none: the fallback's is used.
   */
  readonly titles: readonly (string | null)[];
  /** Where a title this locale lacks comes from (en-US's titles), when there is one. */
  readonly fallback?: Titles;
}

/** A message and the locale its text is in (en-US when it had to fall back). */
export interface Message {
  readonly text: string;
  readonly locale: Locale;
}

export interface MessageOptions {
  /**
   * Unicode isolation marks (U+2068 … U+2069) around each value, where Fluent puts them: for
   * UIs that may mix writing directions. Off by default, as in the Rust localizer.
   */
  readonly isolate?: boolean;
}

export interface LocalizeOptions extends MessageOptions {
  /**
   * The titles with which an `about:blank` problem without a code is titled by its status
   * (the locale module's `titles`); by default, those of a locale `load` gave. Without
   * titles, such a problem keeps the title it came with (the server's, localized there).
   */
  readonly titles?: Titles;
}

/** A code's parameters, which may be left out when none is required. */
export type ParametersArgument<C extends Code> = {} extends CodeParameters[C]
  ? CodeParameters[C] | undefined
  : CodeParameters[C];

/**
 * The locale of the catalog for what a user asked for, as the Rust localizer negotiates it:
 * an `Accept-Language` header (a string), or language tags in preference order
 * (`navigator.languages`, the default where there is one); OMNIA's language names (`PTPT`)
 * stand for their tags. en-US when nothing matches.
 */
export declare function negotiate(requested?: string | readonly string[]): Locale;

/**
 * Loads the messages of a locale with its titles (once); afterwards `message`, `localize` and
 * `statusTitle` take its tag too.
 */
export declare function load<L extends Locale>(locale: L): Promise<Messages<L> & { readonly titles: Titles<L> }>;

/**
 * The message of a code in a locale (a loaded tag, or its messages), with the locale the text
 * is in: the contextual message when every optional parameter is given.
 *
 * @throws {TypeError} for an unknown code, or a parameter missing or of the wrong type.
 */
export declare function message<C extends Code>(
  code: C,
  parameters: ParametersArgument<C>,
  locale: Locale | Messages,
  options?: MessageOptions,
): Message;

/**
 * The title of an HTTP error status in a locale (its module's `titles`, or a loaded tag), as
 * RFC 9457 `about:blank` problems carry it: its reason phrase, or its class's ("Client Error")
 * for a 4xx or 5xx status without one of its own; `null` for a status that is not an error
 * (not 400 to 599). Falls back to en-US's titles as `message` does.
 */
export declare function statusTitle(status: number, titles: Titles | Locale): Message | null;

/**
 * A received body with its messages in a locale: OMNIA's, or Problem Details, nested `errors`
 * included. A problem without `code` is read by the code its `type` documents (`docsPage`).
 * An `about:blank` one without a code gets its status's title where there are titles (the
 * `titles` option, or a locale `load` gave), else keeps its own. A code this package does
 * not know keeps the text it came with.
 */
export declare function localize<B extends ErrorResponse | ProblemDetails | StatusProblem>(
  body: B,
  locale: Locale | Messages,
  options?: LocalizeOptions,
): B;

export declare function isErrorCode(code: unknown): code is ErrorCode;
export declare function isValidationErrorCode(code: unknown): code is ValidationErrorCode;
