import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMdoByCode } from "~/models/access/mdos.server";
import { getVersionBytes } from "~/models/publication/versions.server";
import { fileResponse, IMMUTABLE } from "~/http/api.server";
import { requireUser } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { refusalText } from "~/i18n/refusal-text";

/**
 * GET /frameworks/:code/versions/:number/document: a published version's FracDocument, byte for
 * byte as stored, for any signed-in user (published versions are public inside the product). The
 * editor reads it to show the draft's changes since that version.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const mdo = getMdoByCode({ code: params.code ?? "" });
  if (!mdo || !/^[1-9][0-9]{0,8}$/u.test(params.number ?? "")) throw notFound(refusalText("page.noSuchVersion"));
  const number = Number(params.number);
  const file = getVersionBytes({ mdoId: mdo.id, number });
  if (!file) throw notFound(refusalText("page.noVersion", { name: mdo.name, number: String(number) }));
  return await fileResponse(request, file.bytes, { contentType: "application/json; charset=utf-8", sha256: file.sha256, cacheControl: IMMUTABLE });
}
