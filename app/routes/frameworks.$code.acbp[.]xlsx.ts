import type { LoaderFunctionArgs } from "@remix-run/node";
import { createHash } from "node:crypto";
import { acbpFileName, acbpXlsx } from "@export/acbp-xlsx";
import { requireMdoAccess } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { getServerT } from "~/i18n/i18n.server";
import { loadAcbp } from "~/models/insight/acbp.server";
import { yearOf } from "./frameworks.$code.acbp";

/** The year's plan (saved, else the starting plan) as the workbook a ministry sends to the CBC; same readers as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mdo } = await requireMdoAccess(request, params.code, "read");
  const year = await yearOf(request);
  const plan = loadAcbp({ mdoId: mdo.id, year });
  if (!plan.source) throw notFound((await getServerT(request, "acbp"))("noVersion", { name: mdo.name }));
  const bytes = await acbpXlsx({ mdo: { code: mdo.code, name: mdo.name }, ...plan });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${acbpFileName(mdo.code, year)}"`,
      ETag: `"${createHash("sha256").update(bytes).digest("hex")}"`,
      "Cache-Control": "private, no-cache",
    },
  });
}
