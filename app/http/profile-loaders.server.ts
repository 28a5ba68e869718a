/**
 * The loaders of the profile pages, shared by the draft's and a published version's URLs: who may
 * read which is requireFrameworkSource's rule; a missing version, draft or position is a 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getProfile, listProfiles, type ProfileOrigin } from "~/models/insight/profile.server";
import type { SourceLabel } from "@schemas/position-profile";
import { positionIdParam, requireFrameworkSource } from "./framework-source.server";
import { notFound } from "./errors.server";
import { refusalText } from "~/i18n/refusal-text";

const label = (origin: ProfileOrigin): SourceLabel =>
  origin.version === null ? { kind: "draft", revision: origin.revision } : { kind: "version", number: origin.version, publishedAt: origin.publishedAt };

/** The list of a framework's position profiles. */
export async function profileListLoader({ request, params }: LoaderFunctionArgs) {
  const { mdo, version, base } = await requireFrameworkSource(request, params);
  const list = listProfiles({ mdoId: mdo.id, version });
  if (!list) throw notFound(version === "draft" ? refusalText("page.noFrameworkYet", { name: mdo.name }) : refusalText("page.noVersion", { name: mdo.name, number: String(version) }));
  return { mdo: { code: mdo.code, name: mdo.name }, source: label(list.origin), base, positions: list.positions };
}

/** One position's profile. */
export async function profileLoader({ request, params }: LoaderFunctionArgs) {
  const { mdo, version, base } = await requireFrameworkSource(request, params);
  const positionId = positionIdParam(params);
  const found = getProfile({ mdoId: mdo.id, version, positionId });
  if (!found) throw notFound(version === "draft" ? refusalText("page.noSuchDraftPosition") : refusalText("page.noSuchVersionPosition", { version: String(version), code: mdo.code }));
  return { mdo: { code: mdo.code, name: mdo.name }, source: label(found.origin), base, profile: found.profile };
}
