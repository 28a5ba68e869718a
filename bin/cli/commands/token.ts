/** `frac token create|revoke`: read-only API tokens for other systems (docs/api.md). */
import { complain, EXIT, parse, UsageError, type Command } from "../args";

export const tokenCommand: Command = {
  name: "token",
  summary: "Create a read-only API token (printed once) or revoke one.",
  usage: "frac token create NAME [--expires YYYY-MM-DD] [--mdo CODE] [--json] | frac token revoke NAME",
  help: [
    "Subcommands:",
    "  create NAME   create a token for the system NAME; the token is printed once and stored only as a hash",
    "  revoke NAME   revoke the token NAME; requests with it are refused (401) from then on",
    "",
    "Options:",
    "  --expires YYYY-MM-DD  (create) the last day the token works (it stops at the end of that day, India time); default: no expiry",
    "  --mdo CODE            (create) the token reads only this ministry's frameworks (others answer 404); default: every published framework",
    "  --json                (create) print { name, token, expiresAt, mdo } as JSON",
    "",
    "Systems send the token as `Authorization: Bearer TOKEN` to /api/v1 and /ims/case/v1p1 (docs/api.md).",
    "Creating and revoking a token is written to the audit log.",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: "boolean" }, expires: { type: "string" }, mdo: { type: "string" } }, true);
    const [sub, name, ...extra] = positionals;
    if (sub !== "create" && sub !== "revoke") throw new UsageError(sub ? `unknown subcommand "${sub}"` : "name a subcommand: create or revoke");
    if (!name || extra.length) throw new UsageError("name exactly one NAME");
    const { createToken, expiryOf, revokeToken } = await import("~/models/access/tokens.server");
    if (sub === "revoke") {
      for (const option of ["json", "expires", "mdo"] as const) if (values[option] !== undefined) throw new UsageError(`--${option} is for create`);
      if (!revokeToken({ name })) {
        complain(`no live token named "${name}"; nothing was revoked`);
        return EXIT.invalid;
      }
      process.stdout.write(`Revoked the token "${name.trim()}".\n`);
      return EXIT.ok;
    }
    let expiresAt: string | null = null;
    if (values.expires !== undefined) {
      const expiry = expiryOf(values.expires);
      if (!expiry.ok) {
        complain(`${expiry.message} Nothing was created.`);
        return EXIT.invalid;
      }
      expiresAt = expiry.expiresAt;
    }
    const { getMdoByCode } = await import("~/models/access/mdos.server");
    const mdo = values.mdo !== undefined ? getMdoByCode({ code: values.mdo }) : null;
    if (values.mdo !== undefined && !mdo) {
      complain(`no active MDO with code "${values.mdo}" (see \`frac list\`); nothing was created`);
      return EXIT.invalid;
    }
    const result = createToken({ name, createdBy: null, expiresAt, mdoId: mdo?.id ?? null });
    if (!result.ok) {
      complain(result.message);
      return EXIT.invalid;
    }
    if (values.json) {
      process.stdout.write(JSON.stringify({ name: result.name, token: result.token, expiresAt, mdo: mdo?.code ?? null }) + "\n");
      return EXIT.ok;
    }
    const limits = [mdo ? `reads only ${mdo.code}` : null, values.expires ? `works until the end of ${values.expires.trim()} (India time)` : null].filter(Boolean);
    process.stdout.write(`Created the token "${result.name}"${limits.length ? ` (${limits.join("; ")})` : ""}. It is shown once; store it now:\n${result.token}\n`);
    return EXIT.ok;
  },
};
