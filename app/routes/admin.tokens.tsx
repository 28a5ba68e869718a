import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getMdoByCode, listActiveMdos } from "~/models/access/mdos.server";
import { createToken, expiryOf, listTokens, revokeToken } from "~/models/access/tokens.server";
import { apiRateSettings } from "~/http/api-rate-limit.server";
import { requireCbcRole } from "~/http/auth.server";
import { parseForm } from "~/http/form.server";
import { badRequest } from "~/http/errors.server";
import { useFormat } from "~/i18n/format";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { getServerT } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { inReaderLanguage } from "~/http/refusal-reply.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:tokens.title", "API tokens");

const intentSchema = (t: TFunction) =>
  z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z.string().trim().min(1, t("tokens.nameRequired")).max(100, t("tokens.nameTooLong")),
    expires: z.string().trim().max(40).optional(),
    mdo: z.string().trim().max(40).optional(),
  }),
  z.object({ intent: z.literal("revoke"), name: z.string().trim().min(1).max(100) }),
]);

type ActionResult = { ok: boolean; fieldErrors: Record<string, string[]>; created: { name: string; token: string } | null; revoked: string | null };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCbcRole(request, ["admin"]);
  const mdos = listActiveMdos().map((m) => ({ code: m.code, name: m.name }));
  return json({ tokens: listTokens(), mdos, rate: apiRateSettings() });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireCbcRole(request, ["admin"]);
  const t = await getServerT(request, "admin");
  const parsed = await parseForm(request, intentSchema(t));
  if (!parsed.ok) {
    if (parsed.unknownIntent) throw badRequest(t("tokens.unknownAction"));
    return json<ActionResult>({ ok: false, fieldErrors: parsed.fieldErrors, created: null, revoked: null }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "revoke") {
    if (!revokeToken({ name: input.name, actorId: admin.id })) {
      return json<ActionResult>({ ok: false, fieldErrors: { revoke: [t("tokens.noLive", { name: input.name })] }, created: null, revoked: null }, { status: 404 });
    }
    return json<ActionResult>({ ok: true, fieldErrors: {}, created: null, revoked: input.name });
  }
  const fail = (field: string, message: string) => json<ActionResult>({ ok: false, fieldErrors: { [field]: [message] }, created: null, revoked: null }, { status: 400 });
  const expiry = input.expires ? expiryOf(input.expires) : null;
  if (expiry && !expiry.ok) return fail("expires", (await inReaderLanguage(request, expiry)).message);
  const mdo = input.mdo ? getMdoByCode({ code: input.mdo }) : null;
  if (input.mdo && !mdo) return fail("mdo", t("tokens.noMinistry", { code: input.mdo }));
  const result = createToken({ name: input.name, createdBy: admin.id, expiresAt: expiry?.ok ? expiry.expiresAt : null, mdoId: mdo?.id ?? null });
  if (!result.ok) return json<ActionResult>({ ok: false, fieldErrors: { name: [(await inReaderLanguage(request, result)).message] }, created: null, revoked: null }, { status: 400 });
  return json<ActionResult>({ ok: true, fieldErrors: {}, created: { name: result.name, token: result.token }, revoked: null });
}

type Format = ReturnType<typeof useFormat>;
const when = (t: TFunction, f: Format, iso: string | null) => (iso ? f.dateTime(iso) : t("tokens.never"));

/** The state of a token in words: live, expired or revoked, and until when. */
function validity(t: TFunction, f: Format, token: { revokedAt: string | null; expiresAt: string | null }, now: number): string {
  if (token.revokedAt) return t("tokens.revokedAt", { when: when(t, f, token.revokedAt) });
  if (!token.expiresAt) return t("tokens.liveForever");
  return Date.parse(token.expiresAt) <= now ? t("tokens.expired", { day: f.date(token.expiresAt) }) : t("tokens.liveUntil", { day: f.date(token.expiresAt) });
}

export default function AdminTokens() {
  const { tokens, mdos, rate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const nameError = result?.fieldErrors.name?.[0];
  const revokeError = result?.fieldErrors.revoke?.[0];
  const expiresError = result?.fieldErrors.expires?.[0];
  const mdoError = result?.fieldErrors.mdo?.[0];
  const now = Date.now();
  const { t } = useTranslation("admin");
  const f = useFormat();
  return (
    <>
      <h1>{t("tokens.title")}</h1>
      <p className="muted">
        <Trans t={t} i18nKey="tokens.intro" components={[<code key="0" />, <code key="1" />, <code key="2" />]} />{" "}
        {rate.limit > 0 ? t("tokens.rate", { limit: rate.limit, seconds: rate.windowSeconds }) : t("tokens.noRate")}
      </p>
      <section className="panel" aria-labelledby="new-token">
        <h2 id="new-token">{t("tokens.create")}</h2>
        {result?.created ? (
          <div className="form-success" role="status">
            <Trans t={t} i18nKey="tokens.created" values={{ name: result.created.name }} components={[<strong key="0" />]} /> <code>{result.created.token}</code>
          </div>
        ) : null}
        {result?.revoked ? (
          <div className="form-success" role="status">
            <Trans t={t} i18nKey="tokens.revoked" values={{ name: result.revoked }} components={[<strong key="0" />]} />
          </div>
        ) : null}
        {revokeError ? (
          <p className="field-error" role="alert">
            {revokeError}
          </p>
        ) : null}
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor="token-name">{t("tokens.nameLabel")}</label>
            <input
              id="token-name"
              name="name"
              type="text"
              required
              maxLength={100}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? "token-name-error" : undefined}
            />
            {nameError ? (
              <p id="token-name-error" className="field-error">
                {nameError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="token-expires">{t("tokens.lastDay")}</label>
            <input
              id="token-expires"
              name="expires"
              type="date"
              aria-invalid={expiresError ? true : undefined}
              aria-describedby={expiresError ? "token-expires-error" : undefined}
            />
            {expiresError ? (
              <p id="token-expires-error" className="field-error">
                {expiresError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="token-mdo">{t("tokens.reads")}</label>
            <select id="token-mdo" name="mdo" defaultValue="" aria-invalid={mdoError ? true : undefined} aria-describedby={mdoError ? "token-mdo-error" : undefined}>
              <option value="">{t("tokens.everyPublished")}</option>
              {mdos.map((m) => (
                <option key={m.code} value={m.code}>
                  {t("tokens.onlyMdo", { code: m.code, name: m.name })}
                </option>
              ))}
            </select>
            {mdoError ? (
              <p id="token-mdo-error" className="field-error">
                {mdoError}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button primary" disabled={busy}>
            {t("tokens.createButton")}
          </button>
        </Form>
      </section>
      <div className="table-wide">
        <table className="data-table">
          <caption>{t("tokens.count", { count: tokens.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tokens.name")}</th>
              <th scope="col">{t("tokens.reads")}</th>
              <th scope="col">{t("tokens.createdCol")}</th>
              <th scope="col">{t("tokens.lastUsed")}</th>
              <th scope="col">{t("tokens.status")}</th>
              <th scope="col">
                <span className="sr-only">{t("tokens.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.mdoCode ? t("tokens.only", { code: token.mdoCode }) : t("tokens.every")}</td>
                <td>{when(t, f, token.createdAt)}</td>
                <td>{when(t, f, token.lastUsedAt)}</td>
                <td>{validity(t, f, token, now)}</td>
                <td>
                  {token.revokedAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="name" value={token.name} />
                      <button type="submit" className="button small-button" aria-label={t("tokens.revokeLabel", { name: token.name })}>
                        {t("tokens.revoke")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
