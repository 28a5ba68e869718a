import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MEMBERSHIP_ROLES, MINISTRY_ROLES } from "@schemas/roles";
import { listActiveMdos, getMdoByCode } from "~/models/access/mdos.server";
import { createUserWithRole, listUsersWithMemberships, revokeMembership } from "~/models/access/users.server";
import { resetPassword, setUserDisabled } from "~/models/access/accounts.server";
import { requireCbcRole } from "~/http/auth.server";
import { parseForm } from "~/http/form.server";
import { badRequest } from "~/http/errors.server";
import { setCuratorRole } from "~/models/access/curator-role.server";
import type { TFunction } from "i18next";
import { getServerT } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:users.title", "Users");

const intentSchema = (t: TFunction) =>
  z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    email: z.string().trim().toLowerCase().max(320).pipe(z.email(t("users.emailInvalid"))),
    name: z.string().trim().max(200).optional(),
    role: z.enum(MEMBERSHIP_ROLES, { error: t("users.roleRequired") }),
    mdo: z.string().trim().max(32).optional(),
  }),
  z.object({ intent: z.literal("revoke"), membershipId: z.uuid() }),
  ...(["disable", "enable", "reset-password"] as const).map((intent) => z.object({ intent: z.literal(intent), userId: z.string().trim().min(1).max(64) })),
  z.object({ intent: z.literal("curator"), userId: z.string().trim().min(1).max(64), grant: z.enum(["1", "0"]) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireCbcRole(request, ["admin"]);
  return json({
    me: admin.id,
    users: listUsersWithMemberships(),
    mdos: listActiveMdos().map((m) => ({ code: m.code, name: m.name })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireCbcRole(request, ["admin"]);
  const t = await getServerT(request, "admin");
  const parsed = await parseForm(request, intentSchema(t));
  if (!parsed.ok) {
    if (parsed.unknownIntent) throw badRequest(t("users.unknownAction"));
    return json({ ok: false as const, fieldErrors: parsed.fieldErrors, created: null, account: null }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "curator") {
    const tc = await getServerT(request, "curation");
    const result = setCuratorRole({ userId: input.userId, grant: input.grant === "1", actorId: admin.id });
    const message = result.ok ? tc(input.grant === "1" ? "admin.granted" : "admin.revoked", { email: result.email }) : result.reason === "no-user" ? t("users.userGone") : tc(`admin.${result.reason === "already" ? "already" : "notCurator"}`, { email: result.email });
    return json({ ok: result.ok, fieldErrors: {}, created: null, account: { message, password: null, email: result.email } }, { status: result.ok ? 200 : result.status });
  }
  if (input.intent !== "create" && input.intent !== "revoke") return accountAction({ intent: input.intent, userId: input.userId, admin, t });
  if (input.intent === "revoke") {
    if (!revokeMembership({ membershipId: input.membershipId, actorId: admin.id })) {
      return json({ ok: false as const, fieldErrors: { membershipId: [t("users.membershipGone")] }, created: null, account: null }, { status: 404 });
    }
    return json({ ok: true as const, fieldErrors: {}, created: null, account: null });
  }
  const scoped = MINISTRY_ROLES.includes(input.role);
  const mdo = input.mdo ? getMdoByCode({ code: input.mdo }) : null;
  if (scoped && !mdo) {
    return json({ ok: false as const, fieldErrors: { mdo: [t("users.needsMinistry", { role: t(`role.${input.role}`) })] }, created: null, account: null }, { status: 400 });
  }
  const result = await createUserWithRole({
    email: input.email,
    name: input.name,
    role: input.role,
    mdoId: scoped ? mdo!.id : null,
    actorId: admin.id,
  });
  return json({
    ok: true as const,
    fieldErrors: {},
    created: { email: input.email, password: result.password, role: input.role, mdo: scoped ? mdo!.code : null },
    account: null,
  });
}

type AccountIntent = "disable" | "enable" | "reset-password";

async function accountAction({ intent, userId, admin, t }: { intent: AccountIntent; userId: string; admin: { id: string }; t: TFunction }) {
  const fail = (status: number, message: string) => json({ ok: false as const, fieldErrors: {}, created: null, account: { message, password: null, email: null } }, { status });
  const target = listUsersWithMemberships().find((u) => u.id === userId);
  if (!target) return fail(404, t("users.userGone"));
  if (intent !== "enable" && target.id === admin.id) {
    return fail(400, intent === "disable" ? t("users.notYourself") : t("users.ownPassword"));
  }
  if (intent === "reset-password") {
    const reset = await resetPassword({ userId, actorId: admin.id });
    if (!reset) return fail(404, t("users.userGone"));
    return json({ ok: true as const, fieldErrors: {}, created: null, account: { message: t("users.newPassword", { email: target.email }), password: reset.password, email: target.email } });
  }
  const disabled = intent === "disable";
  if (!setUserDisabled({ userId, disabled, actorId: admin.id })) return fail(409, t(disabled ? "users.alreadyDisabled" : "users.alreadyEnabled", { email: target.email }));
  return json({ ok: true as const, fieldErrors: {}, created: null, account: { message: t(disabled ? "users.disabled" : "users.enabled", { email: target.email }), password: null, email: target.email } });
}

export default function AdminUsers() {
  const { users, mdos, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t: tc } = useTranslation("curation");
  const errors: Record<string, string[] | undefined> = result?.fieldErrors ?? {};
  const { t } = useTranslation("admin");
  const role = (r: string) => t(`role.${r}`);
  const membership = (m: { role: string; mdoCode: string | null }) => (m.mdoCode ? t("membershipOf", { role: role(m.role), mdo: m.mdoCode }) : t("membershipCbc", { role: role(m.role) }));
  const fieldProps = (name: string) => ({
    id: `new-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `new-${name}-error` : undefined,
  });
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`new-${name}-error`} className="field-error">
        {errors[name]![0]}
      </p>
    ) : null;
  return (
    <>
      <h1>{t("users.heading")}</h1>
      <section className="panel" aria-labelledby="add-user">
        <h2 id="add-user">{t("users.add")}</h2>
        {result?.created ? (
          <div className="form-success" role="status">
            {result.created.password ? (
              <>
                {t("users.created", { email: result.created.email })} <code>{result.created.password}</code>
              </>
            ) : (
              <>
                {t("users.granted", { role: role(result.created.role), email: result.created.email })}
              </>
            )}
          </div>
        ) : null}
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor="new-email">{t("users.email")}</label>
            <input type="email" required {...fieldProps("email")} />
            {fieldError("email")}
          </div>
          <div className="field">
            <label htmlFor="new-name">{t("users.name")}</label>
            <input type="text" {...fieldProps("name")} />
          </div>
          <div className="field">
            <label htmlFor="new-role">{t("users.role")}</label>
            <select {...fieldProps("role")} defaultValue="author">
              {MEMBERSHIP_ROLES.map((r) => (
                <option key={r} value={r}>
                  {role(r)}: {t(`roleHelp.${r}`)}
                </option>
              ))}
            </select>
            {fieldError("role")}
          </div>
          <div className="field">
            <label htmlFor="new-mdo">{t("users.ministry")}</label>
            <select {...fieldProps("mdo")} defaultValue="">
              <option value="">—</option>
              {mdos.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.code}: {m.name}
                </option>
              ))}
            </select>
            {fieldError("mdo")}
          </div>
          <button type="submit" className="button primary" disabled={busy}>
            {t("users.submit")}
          </button>
        </Form>
      </section>
      {result?.account ? (
        <div className={result.ok ? "form-success" : "form-error"} role={result.ok ? "status" : "alert"}>
          {result.account.message} {result.account.password ? <code>{result.account.password}</code> : null}
        </div>
      ) : null}
      <table className="data-table">
        <caption>{t("users.count", { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("users.user")}</th>
            <th scope="col">{t("users.memberships")}</th>
            <th scope="col">{t("users.account")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.name}
                <div className="muted small">
                  {u.email}
                  {u.isDemo ? ` · ${t("users.demoAccount")}` : ""}
                  {u.disabled ? ` · ${t("users.isDisabled")}` : ""}
                  {u.mustChangePassword ? ` · ${t("users.oneTime")}` : ""}
                </div>
              </td>
              <td>
                <ul className="memberships">
                  {u.memberships.map((m) => (
                    <li key={m.id}>
                      <span>{membership(m)}</span>
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <button type="submit" className="button small-button" aria-label={t("users.revokeLabel", { membership: membership(m), email: u.email })}>
                          {t("users.revoke")}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {u.id === me ? (
                  <span className="muted small">{t("users.you")}</span>
                ) : (
                  <div className="account-actions">
                    <Form method="post">
                      <input type="hidden" name="intent" value={u.disabled ? "enable" : "disable"} />
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" className="button small-button" aria-label={t(u.disabled ? "users.enableLabel" : "users.disableLabel", { email: u.email })}>
                        {u.disabled ? t("users.enable") : t("users.disable")}
                      </button>
                    </Form>
                    <CuratorToggle userId={u.id} email={u.email} curator={u.memberships.some((m) => m.role === "curator" && !m.mdoCode)} label={tc} />
                    <Form method="post">
                      <input type="hidden" name="intent" value="reset-password" />
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" className="button small-button" aria-label={t("users.resetLabel", { email: u.email })}>
                        {t("users.reset")}
                      </button>
                    </Form>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Grants or revokes the CBC curator role in one click. */
function CuratorToggle({ userId, email, curator, label: t }: { userId: string; email: string; curator: boolean; label: (key: string, options?: Record<string, string>) => string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="curator" />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="grant" value={curator ? "0" : "1"} />
      <button type="submit" className="button small-button" aria-label={t(curator ? "admin.revokeLabel" : "admin.grantLabel", { email })}>
        {t(curator ? "admin.revoke" : "admin.grant")}
      </button>
    </Form>
  );
}
