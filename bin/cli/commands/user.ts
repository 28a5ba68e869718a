/** `frac user create`: makes an account (e.g. the first admin of a production install). */
import { z } from "zod";
import { MEMBERSHIP_ROLES, MINISTRY_ROLES, type MembershipRole } from "@schemas/enums";
import { getMdoByCode } from "~/models/mdo.server";
import { createUserWithRole } from "~/models/user.server";
import { complain, EXIT, parse, UsageError, type Command } from "../args";

export const userCommand: Command = {
  name: "user",
  summary: "Create a user with a role (prints a one-time password), or grant an existing user the role.",
  usage: "frac user create EMAIL --role ROLE [--mdo CODE] [--name NAME] [--json]",
  help: [
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
    if (sub !== "create") throw new UsageError(sub ? `unknown subcommand "${sub}"` : "name a subcommand: create");
    if (!email || extra.length) throw new UsageError("name exactly one EMAIL");
    if (!values.role) throw new UsageError("--role ROLE is required");
    if (!(MEMBERSHIP_ROLES as readonly string[]).includes(values.role)) {
      throw new UsageError(`unknown role "${values.role}"; roles: ${MEMBERSHIP_ROLES.join(", ")}`);
    }
    const role = values.role as MembershipRole;
    const scoped = MINISTRY_ROLES.includes(role);
    if (scoped && !values.mdo) throw new UsageError(`the ${role} role belongs to a ministry: add --mdo CODE`);
    if (!scoped && values.mdo) throw new UsageError(`the ${role} role is a CBC role for every ministry: leave out --mdo`);
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
