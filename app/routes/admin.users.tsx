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
import { getServerT } from "~/i18n/i18n.server";

export const meta: MetaFunction = () => [{ title: "Users · FRAC Studio" }];

const ROLE_HELP: Record<string, string> = {
  author: "edits one ministry's framework",
  viewer: "reads one ministry's framework",
  reviewer: "CBC technical review, every ministry",
  board: "CBC review board, every ministry",
  curator: "curates the competency dictionary",
  admin: "manages users and ministries",
};

const intentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    email: z.string().trim().toLowerCase().max(320).pipe(z.email("Enter a valid email address.")),
    name: z.string().trim().max(200).optional(),
    role: z.enum(MEMBERSHIP_ROLES, { error: "Choose a role." }),
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
  const parsed = await parseForm(request, intentSchema);
  if (!parsed.ok) {
    if (parsed.unknownIntent) throw badRequest("Unknown action on the users page.");
    return json({ ok: false as const, fieldErrors: parsed.fieldErrors, created: null, account: null }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "curator") {
    const t = await getServerT(request, "curation");
    const result = setCuratorRole({ userId: input.userId, grant: input.grant === "1", actorId: admin.id });
    const message = result.ok ? t(input.grant === "1" ? "admin.granted" : "admin.revoked", { email: result.email }) : result.reason === "no-user" ? "That user no longer exists." : t(`admin.${result.reason === "already" ? "already" : "notCurator"}`, { email: result.email });
    return json({ ok: result.ok, fieldErrors: {}, created: null, account: { message, password: null, email: result.email } }, { status: result.ok ? 200 : result.status });
  }
  if (input.intent !== "create" && input.intent !== "revoke") return accountAction({ intent: input.intent, userId: input.userId, admin });
  if (input.intent === "revoke") {
    if (!revokeMembership({ membershipId: input.membershipId, actorId: admin.id })) {
      return json({ ok: false as const, fieldErrors: { membershipId: ["That membership no longer exists."] }, created: null, account: null }, { status: 404 });
    }
    return json({ ok: true as const, fieldErrors: {}, created: null, account: null });
  }
  const scoped = MINISTRY_ROLES.includes(input.role);
  const mdo = input.mdo ? getMdoByCode({ code: input.mdo }) : null;
  if (scoped && !mdo) {
    return json({ ok: false as const, fieldErrors: { mdo: [`The ${input.role} role needs a ministry.`] }, created: null, account: null }, { status: 400 });
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

async function accountAction({ intent, userId, admin }: { intent: AccountIntent; userId: string; admin: { id: string } }) {
  const fail = (status: number, message: string) => json({ ok: false as const, fieldErrors: {}, created: null, account: { message, password: null, email: null } }, { status });
  const target = listUsersWithMemberships().find((u) => u.id === userId);
  if (!target) return fail(404, "That user no longer exists.");
  if (intent !== "enable" && target.id === admin.id) {
    return fail(400, intent === "disable" ? "You cannot disable your own account." : "Change your own password on your account page.");
  }
  if (intent === "reset-password") {
    const reset = await resetPassword({ userId, actorId: admin.id });
    if (!reset) return fail(404, "That user no longer exists.");
    return json({ ok: true as const, fieldErrors: {}, created: null, account: { message: `New one-time password for ${target.email} (shown once):`, password: reset.password, email: target.email } });
  }
  const disabled = intent === "disable";
  if (!setUserDisabled({ userId, disabled, actorId: admin.id })) return fail(409, `${target.email} is already ${disabled ? "disabled" : "enabled"}.`);
  return json({ ok: true as const, fieldErrors: {}, created: null, account: { message: `${target.email} is ${disabled ? "disabled and signed out everywhere" : "enabled again"}.`, password: null, email: target.email } });
}

export default function AdminUsers() {
  const { users, mdos, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("curation");
  const errors: Record<string, string[] | undefined> = result?.fieldErrors ?? {};
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
      <h1>Users and memberships</h1>
      <section className="panel" aria-labelledby="add-user">
        <h2 id="add-user">Add a user or grant a role</h2>
        {result?.created ? (
          <div className="form-success" role="status">
            {result.created.password ? (
              <>
                Created <strong>{result.created.email}</strong>. One-time password (shown once):{" "}
                <code>{result.created.password}</code>
              </>
            ) : (
              <>
                Granted <strong>{result.created.role}</strong> to {result.created.email}; their password is unchanged.
              </>
            )}
          </div>
        ) : null}
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor="new-email">Email</label>
            <input type="email" required {...fieldProps("email")} />
            {fieldError("email")}
          </div>
          <div className="field">
            <label htmlFor="new-name">Name</label>
            <input type="text" {...fieldProps("name")} />
          </div>
          <div className="field">
            <label htmlFor="new-role">Role</label>
            <select {...fieldProps("role")} defaultValue="author">
              {MEMBERSHIP_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}: {ROLE_HELP[r]}
                </option>
              ))}
            </select>
            {fieldError("role")}
          </div>
          <div className="field">
            <label htmlFor="new-mdo">Ministry (author and viewer only)</label>
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
            Add
          </button>
        </Form>
      </section>
      {result?.account ? (
        <div className={result.ok ? "form-success" : "form-error"} role={result.ok ? "status" : "alert"}>
          {result.account.message} {result.account.password ? <code>{result.account.password}</code> : null}
        </div>
      ) : null}
      <table className="data-table">
        <caption>{users.length} users</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Memberships</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.name}
                <div className="muted small">
                  {u.email}
                  {u.isDemo ? " · demo account" : ""}
                  {u.disabled ? " · disabled" : ""}
                  {u.mustChangePassword ? " · one-time password" : ""}
                </div>
              </td>
              <td>
                <ul className="memberships">
                  {u.memberships.map((m) => (
                    <li key={m.id}>
                      <span>
                        {m.role}
                        {m.mdoCode ? ` of ${m.mdoCode}` : " (CBC)"}
                      </span>
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <button type="submit" className="button small-button" aria-label={`Revoke ${m.role}${m.mdoCode ? ` of ${m.mdoCode}` : ""} from ${u.email}`}>
                          Revoke
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {u.id === me ? (
                  <span className="muted small">you (change your password on your account page)</span>
                ) : (
                  <div className="account-actions">
                    <Form method="post">
                      <input type="hidden" name="intent" value={u.disabled ? "enable" : "disable"} />
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" className="button small-button" aria-label={`${u.disabled ? "Enable" : "Disable"} ${u.email}`}>
                        {u.disabled ? "Enable" : "Disable"}
                      </button>
                    </Form>
                    <CuratorToggle userId={u.id} email={u.email} curator={u.memberships.some((m) => m.role === "curator" && !m.mdoCode)} label={t} />
                    <Form method="post">
                      <input type="hidden" name="intent" value="reset-password" />
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" className="button small-button" aria-label={`Reset the password of ${u.email}`}>
                        Reset password
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
