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
import { formatUtc, istDate } from "~/components/dates";

export const meta: MetaFunction = () => [{ title: "API tokens · FRAC Studio" }];

const intentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z.string().trim().min(1, "Name the system that will use the token.").max(100, "Keep the name under 100 characters."),
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
  const parsed = await parseForm(request, intentSchema);
  if (!parsed.ok) {
    if (parsed.unknownIntent) throw badRequest("Unknown action on the tokens page.");
    return json<ActionResult>({ ok: false, fieldErrors: parsed.fieldErrors, created: null, revoked: null }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "revoke") {
    if (!revokeToken({ name: input.name, actorId: admin.id })) {
      return json<ActionResult>({ ok: false, fieldErrors: { revoke: [`There is no live token named "${input.name}".`] }, created: null, revoked: null }, { status: 404 });
    }
    return json<ActionResult>({ ok: true, fieldErrors: {}, created: null, revoked: input.name });
  }
  const fail = (field: string, message: string) => json<ActionResult>({ ok: false, fieldErrors: { [field]: [message] }, created: null, revoked: null }, { status: 400 });
  const expiry = input.expires ? expiryOf(input.expires) : null;
  if (expiry && !expiry.ok) return fail("expires", expiry.message);
  const mdo = input.mdo ? getMdoByCode({ code: input.mdo }) : null;
  if (input.mdo && !mdo) return fail("mdo", `There is no active ministry with the code "${input.mdo}".`);
  const result = createToken({ name: input.name, createdBy: admin.id, expiresAt: expiry?.ok ? expiry.expiresAt : null, mdoId: mdo?.id ?? null });
  if (!result.ok) return json<ActionResult>({ ok: false, fieldErrors: { name: [result.message] }, created: null, revoked: null }, { status: 400 });
  return json<ActionResult>({ ok: true, fieldErrors: {}, created: { name: result.name, token: result.token }, revoked: null });
}

const when = (iso: string | null) => (iso ? `${formatUtc(iso)} UTC` : "never");

/** The state of a token in words: live, expired or revoked, and until when. */
function validity(t: { revokedAt: string | null; expiresAt: string | null }, now: number): string {
  if (t.revokedAt) return `Revoked ${when(t.revokedAt)}`;
  if (!t.expiresAt) return "Live, no expiry";
  return Date.parse(t.expiresAt) <= now ? `Expired ${istDate(t.expiresAt)}` : `Live until ${istDate(t.expiresAt)}`;
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
  return (
    <>
      <h1>API tokens</h1>
      <p className="muted">
        Other systems read published frameworks through the read API (<code>/api/v1</code>, <code>/ims/case/v1p1</code>) with a
        token sent as <code>Authorization: Bearer TOKEN</code>. Tokens are read-only and never see drafts. A token may stop at the end
        of a given day and may read only one ministry&apos;s frameworks.{" "}
        {rate.limit > 0 ? `Each token may make ${rate.limit} requests every ${rate.windowSeconds} s; beyond that the API answers 429.` : "Requests are not rate-limited."}
      </p>
      <section className="panel" aria-labelledby="new-token">
        <h2 id="new-token">Create a token</h2>
        {result?.created ? (
          <div className="form-success" role="status">
            Created the token <strong>{result.created.name}</strong>. Copy it now; it is shown once: <code>{result.created.token}</code>
          </div>
        ) : null}
        {result?.revoked ? (
          <div className="form-success" role="status">
            Revoked the token <strong>{result.revoked}</strong>.
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
            <label htmlFor="token-name">Name (the system that will use it)</label>
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
            <label htmlFor="token-expires">Last day (optional, India time)</label>
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
            <label htmlFor="token-mdo">Reads</label>
            <select id="token-mdo" name="mdo" defaultValue="" aria-invalid={mdoError ? true : undefined} aria-describedby={mdoError ? "token-mdo-error" : undefined}>
              <option value="">Every published framework</option>
              {mdos.map((m) => (
                <option key={m.code} value={m.code}>
                  Only {m.code}: {m.name}
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
            Create
          </button>
        </Form>
      </section>
      <div className="table-wide">
        <table className="data-table">
          <caption>{tokens.length} {tokens.length === 1 ? "token" : "tokens"}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Reads</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.mdoCode ? `only ${t.mdoCode}` : "every framework"}</td>
                <td>{when(t.createdAt)}</td>
                <td>{when(t.lastUsedAt)}</td>
                <td>{validity(t, now)}</td>
                <td>
                  {t.revokedAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="name" value={t.name} />
                      <button type="submit" className="button small-button" aria-label={`Revoke the token ${t.name}`}>
                        Revoke
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
