/**
 * `frac user create|disable|enable|reset-password`: makes an account (e.g. the first admin of a
 * production install), and an administrator's account actions from the command line.
 */
import { MEMBERSHIP_ROLES, MINISTRY_ROLES, type MembershipRole } from "@schemas/roles";
import { complain, EXIT, parse, UsageError, type Command } from "../args";

const SUBCOMMANDS = ["create", "disable", "enable", "reset-password"];
type AccountSub = "disable" | "enable" | "reset-password";

async function accountCommand(sub: AccountSub, email: string, json: boolean): Promise<number> {
  const { findUserByEmail, resetPassword, setUserDisabled } = await import("~/models/access/accounts.server");
  const user = findUserByEmail({ email });
  if (!user) {
    complain(`no user with email "${email.trim()}"; nothing was changed`);
    return EXIT.invalid;
  }
  const print = (out: Record<string, unknown>, text: string) => process.stdout.write(json ? JSON.stringify(out) + "\n" : text + "\n");
  if (sub === "reset-password") {
    const reset = await resetPassword({ userId: user.id, actorId: null });
    if (!reset) {
      complain(`no user with email "${email.trim()}"; nothing was changed`);
      return EXIT.invalid;
    }
    print({ email: user.email, password: reset.password }, `Reset the password of ${user.email}; their sessions have ended.\nOne-time password (shown once): ${reset.password}`);
    return EXIT.ok;
  }
  const disabled = sub === "disable";
  const changed = setUserDisabled({ userId: user.id, disabled, actorId: null });
  print({ email: user.email, disabled, changed }, changed ? `${user.email} is ${disabled ? "disabled; their sessions have ended" : "enabled again"}.` : `${user.email} was already ${disabled ? "disabled" : "enabled"}; nothing changed.`);
  return EXIT.ok;
}

export const userCommand: Command = {
  name: "user",
  summary: "Create a user with a role (prints a one-time password) or grant a role; disable, enable or reset a user's password.",
  usage: "frac user create EMAIL --role ROLE [--mdo CODE] [--name NAME] [--json]\n       frac user disable|enable|reset-password EMAIL [--json]",
  help: [
    "Subcommands:",
    "  create EMAIL          make the account (prints a one-time password) or grant an existing one the role",
    "  disable EMAIL         stop the user signing in and end their sessions at once",
    "  enable EMAIL          let a disabled user sign in again",
    "  reset-password EMAIL  set a new one-time password (printed once) and end their sessions;",
    "                        the user must choose their own at next sign-in",
    "",
    "Every change is written to the audit log. An unknown EMAIL is exit 1.",
    "",
    "Options:",
    `  --role ROLE   one of ${MEMBERSHIP_ROLES.join(", ")}`,
    "  --mdo CODE    the ministry, for the ministry roles author and viewer (not for CBC roles)",
    "  --name NAME   the person's name as shown in the app (default: the email)",
    "  --json        print { email, created, role, mdo, password } as JSON",
    "",
    "The one-time password is printed once; it is stored only as a hash.",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { role: { type: "string" }, mdo: { type: "string" }, name: { type: "string" }, json: { type: "boolean" } },
      true,
    );
    const [sub, email, ...extra] = positionals;
    if (!sub || !SUBCOMMANDS.includes(sub)) {
      throw new UsageError(sub ? `unknown subcommand "${sub}"; subcommands: ${SUBCOMMANDS.join(", ")}` : `name a subcommand: ${SUBCOMMANDS.join(", ")}`);
    }
    if (!email || extra.length) throw new UsageError("name exactly one EMAIL");
    if (sub !== "create") {
      if (values.role || values.mdo || values.name) throw new UsageError(`--role, --mdo and --name belong to create, not ${sub}`);
      return accountCommand(sub as AccountSub, email, Boolean(values.json));
    }
    if (!values.role) throw new UsageError("--role ROLE is required");
    if (!(MEMBERSHIP_ROLES as readonly string[]).includes(values.role)) {
      throw new UsageError(`unknown role "${values.role}"; roles: ${MEMBERSHIP_ROLES.join(", ")}`);
    }
    const role = values.role as MembershipRole;
    const scoped = MINISTRY_ROLES.includes(role);
    if (scoped && !values.mdo) throw new UsageError(`the ${role} role belongs to a ministry: add --mdo CODE`);
    if (!scoped && values.mdo) throw new UsageError(`the ${role} role is a CBC role for every ministry: leave out --mdo`);
    const [{ z }, { getMdoByCode }, { createUserWithRole }] = await Promise.all([import("zod"), import("~/models/access/mdos.server"), import("~/models/access/users.server")]);
    if (!z.email().safeParse(email.trim()).success) {
      complain(`"${email}" is not a valid email address`);
      return EXIT.invalid;
    }
    const mdo = values.mdo ? getMdoByCode({ code: values.mdo }) : null;
    if (values.mdo && !mdo) {
      complain(`no active MDO with code "${values.mdo}" (see \`frac list\`); nothing was created`);
      return EXIT.invalid;
    }
    const result = await createUserWithRole({ email, name: values.name, role, mdoId: mdo?.id ?? null, actorId: null });
    const out = { email: email.trim().toLowerCase(), created: result.created, role, mdo: mdo?.code ?? null, password: result.password };
    if (values.json) {
      process.stdout.write(JSON.stringify(out) + "\n");
    } else if (result.created) {
      process.stdout.write(`Created ${out.email} as ${role}${mdo ? ` of ${mdo.code}` : ""}.\nOne-time password (shown once): ${result.password}\n`);
    } else {
      process.stdout.write(`${out.email} already exists; granted ${role}${mdo ? ` of ${mdo.code}` : ""}. Password unchanged.\n`);
    }
    return EXIT.ok;
  },
};
