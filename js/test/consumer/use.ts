// A TypeScript UI using the packed package, compiled with `tsc --strict` by package.test.mjs.
// Every `@ts-expect-error` must meet an error: a misuse the types let through fails the build.
import {
  docsPage,
  httpStatus,
  isValidationErrorCode,
  load,
  localize,
  message,
  negotiate,
  statusTitle,
  type Code,
  type ErrorResponse,
  type HttpStatuses,
  type Locale,
  type ProblemDetails,
  type StatusProblem,
  type Titles,
  type ValidationErrorCode,
} from "omnia-errors";
import * as omnia from "omnia-errors";
import pl, { titles as plTitles } from "omnia-errors/messages/pl-PL";
import type { OmniaErrorMessageElement } from "omnia-errors/element";

const locale: Locale = negotiate(["pt-AO", "en"]);
await load(locale);
const text: string = message("TextMaxLengthMismatch", { maxLength: 50 }, pl).text;
message("TextMaxLengthMismatch", { maxLength: 18446744073709551615n }, locale);
message("EntityNotFound", undefined, pl);
message("EntityNotFound", {}, "de-DE");
message("RequiredValue", { path: null }, pl, { isolate: true });
message("TypeMismatch", { value: "x", type: "Integer" }, pl);

// @ts-expect-error maxLength is required
message("TextMaxLengthMismatch", {}, pl);
// @ts-expect-error maxLength is a number
message("TextMaxLengthMismatch", { maxLength: "50" }, pl);
// @ts-expect-error no parameters may be left out when one is required
message("TextMaxLengthMismatch", undefined, pl);
// @ts-expect-error not a code
message("EntityNotFoundd", {}, pl);
// @ts-expect-error EntityNotFound takes no parameters
message("EntityNotFound", { path: "x" }, pl);
// @ts-expect-error not a locale of the catalog
message("EntityNotFound", {}, "pt");

const status: 404 = httpStatus.EntityNotFound;
const statuses: HttpStatuses["ValidationFailed"] = 400;
// @ts-expect-error EntityNotFound is 404
const wrong: 400 = httpStatus.EntityNotFound;

const received: unknown = JSON.parse("{}");
const code = (received as { code?: unknown }).code;
if (isValidationErrorCode(code)) {
  const narrowed: ValidationErrorCode = code;
  const any: Code = narrowed;
  void any;
}

const body: ErrorResponse = {
  code: "ValidationFailed",
  message: "Request validation failed.",
  errors: [{ code: "TextMaxLengthMismatch", name: "Description", message: "…", parameters: { maxLength: 50 } }],
};
const again: ErrorResponse = localize(body, pl);
const problem: ProblemDetails = localize(
  { type: "about:blank", title: "t", status: 404, detail: "d", code: "EntityNotFound" },
  pl,
);
const notFound: StatusProblem = localize({ type: "about:blank", title: "Not Found", status: 404 }, pl);
// Titles are opt-in: the module's `titles`, or a loaded tag's.
const titled: StatusProblem = localize({ type: "about:blank", title: "Not Found", status: 404 }, pl, { titles: plTitles, isolate: true });
const title: string | undefined = statusTitle(405, "pl-PL")?.text;
const polish: Titles<"pl-PL"> = plTitles;
const loaded = await load("de-DE");
const german: Titles<"de-DE"> = loaded.titles;
statusTitle(404, german);
// @ts-expect-error a module's messages are no titles
statusTitle(405, pl);
// @ts-expect-error the titles option takes titles, not messages
localize(notFound, pl, { titles: pl });
// @ts-expect-error pl-PL's titles are not de-DE's
const mislabelled: Titles<"de-DE"> = plTitles;
const page: "https://docs.omnialowcode.com/omnia3_api_errors.html" = docsPage;
// @ts-expect-error the loaders are the package's own, not an export (a type of the catalog's)
void omnia.loaders;
// @ts-expect-error a status is a number
statusTitle("405", plTitles);
// @ts-expect-error an about:blank problem's type is about:blank
const typed: StatusProblem = { type: "https://example.com", title: "t", status: 404 };
// @ts-expect-error a validation code is no API error code
const misplaced: ErrorResponse = { code: "TextMaxLengthMismatch", message: "m" };

declare const element: OmniaErrorMessageElement;
element.code = "EntityNotFound";
element.language = "PTPT";
await element.rendered;

export { text, status, statuses, wrong, again, problem, notFound, titled, title, polish, page, typed, misplaced, mislabelled };
