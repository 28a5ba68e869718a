import type { LoaderFunctionArgs } from "@remix-run/node";
import { flatTemplateCsv, flatTemplateXlsx } from "@import/template";
import { requireUser } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { refusalText } from "~/i18n/refusal-text";

/** The flat-layout template to start an import from, as CSV or Excel. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  if (params.file === "frac-flat-template.csv") {
    return new Response(flatTemplateCsv(), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="frac-flat-template.csv"' },
    });
  }
  if (params.file === "frac-flat-template.xlsx") {
    return new Response(new Uint8Array(await flatTemplateXlsx()), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": 'attachment; filename="frac-flat-template.xlsx"',
      },
    });
  }
  throw notFound(refusalText("page.noSuchTemplate"));
}
