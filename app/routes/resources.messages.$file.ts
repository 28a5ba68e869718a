import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogueScript } from "~/i18n/catalogue-script.server";
import { notFound } from "~/http/errors.server";
import { refusalText } from "~/i18n/refusal-text";

// One language's messages as a script, under a name that changes with its content: public (the
// interface's own words, the same for everyone) and kept by the browser for a year.
export function loader({ params }: LoaderFunctionArgs) {
  const text = catalogueScript(params.file ?? "");
  if (text === null) throw notFound(refusalText("page.noSuchPage"));
  return new Response(text, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
