/**
 * Which framework a profile URL names, for a user who may read it: the draft
 * (`/frameworks/CODE/…`: the ministry's members and the CBC, others 404) or a published version
 * (`/frameworks/CODE/versions/N/…`: everyone signed in, as the published outline is).
 */
import type { Params } from "@remix-run/react";
import { getMdoByCode } from "~/models/access/mdos.server";
import type { DemandSource } from "~/models/insight/demand.server";
import { requireMdoAccess, requireUser } from "./auth.server";
import { notFound } from "./errors.server";
import { refusalText } from "~/i18n/refusal-text";

export type FrameworkSource = { mdo: { id: string; code: string; name: string }; version: DemandSource; base: string };

/** The ministry and the draft or version the URL names; 404 where the user may not see it or the number is not one. */
export async function requireFrameworkSource(request: Request, params: Params): Promise<FrameworkSource> {
  if (params.number === undefined) {
    const { mdo } = await requireMdoAccess(request, params.code, "read");
    return { mdo: { id: mdo.id, code: mdo.code, name: mdo.name }, version: "draft", base: `/frameworks/${mdo.code}` };
  }
  await requireUser(request);
  const mdo = getMdoByCode({ code: params.code ?? "" });
  if (!mdo || !/^[1-9]\d{0,8}$/u.test(params.number)) throw notFound(refusalText("page.noSuchVersion"));
  const number = Number(params.number);
  return { mdo: { id: mdo.id, code: mdo.code, name: mdo.name }, version: number, base: `/frameworks/${mdo.code}/versions/${number}` };
}

/** A position id in a URL: a UUID, or 404 (never a 400: it is an address, not a form). */
export function positionIdParam(params: Params): string {
  const id = params.positionId ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu.test(id)) throw notFound(refusalText("page.noSuchPosition"));
  return id;
}
