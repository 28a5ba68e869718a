import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { createToken, listTokens, revokeToken } from "~/models/token.server";
import { requireCbcRole } from "~/utils/auth.server";
import { badRequest } from "~/utils/http.server";
import { formatUtc } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "API tokens · FRAC Studio" }];

const intentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z.string().trim().min(1, "Name the system that will use the token.").max(100, "Keep the name under 100 characters."),
  }),
  z.object({ intent: z.literal("revoke"), name: z.string().trim().min(1).max(100) }),
]);

type ActionResult = { ok: boolean; fieldErrors: Record<string, string[]>; created: { name: string; token: string } | null; revoked: string | null };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCbcRole(request, ["admin"]);
  return json({ tokens: listTokens() });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireCbcRole(request, ["admin"]);
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    if (fieldErrors.intent) throw badRequest("Unknown action on the tokens page.");
    return json<ActionResult>({ ok: false, fieldErrors, created: null, revoked: null }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "revoke") {
    if (!revokeToken({ name: input.name })) {
      return json<ActionResult>({ ok: false, fieldErrors: { revoke: [`There is no live token named "${input.name}".`] }, created: null, revoked: null }, { status: 404 });
    }
    return json<ActionResult>({ ok: true, fieldErrors: {}, created: null, revoked: input.name });
  }
  const result = createToken({ name: input.name, createdBy: admin.id });
  if (!result.ok) return json<ActionResult>({ ok: false, fieldErrors: { name: [result.message] }, created: null, revoked: null }, { status: 400 });
  return json<ActionResult>({ ok: true, fieldErrors: {}, created: { name: result.name, token: result.token }, revoked: null });
}

const when = (iso: string | null) => (iso ? `${formatUtc(iso)} UTC` : "never");

export default function AdminTokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const nameError = result?.fieldErrors.name?.[0];
  const revokeError = result?.fieldErrors.revoke?.[0];
  return (
    <>
      <h1>API tokens</h1>
      <p className="muted">
        Other systems read published frameworks through the read API (<code>/api/v1</code>, <code>/ims/case/v1p1</code>) with a
        token sent as <code>Authorization: Bearer TOKEN</code>. Tokens are read-only and never see drafts.
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
          <button type="submit" className="button primary" disabled={busy}>
            Create
          </button>
        </Form>
      </section>
      <table className="data-table">
        <caption>{tokens.length} {tokens.length === 1 ? "token" : "tokens"}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{when(t.createdAt)}</td>
              <td>{when(t.lastUsedAt)}</td>
              <td>
                {t.revokedAt ? (
                  `Revoked ${when(t.revokedAt)}`
                ) : (
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
    </>
  );
}
