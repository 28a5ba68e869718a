/** `frac token create|revoke`: read-only API tokens for other systems (docs/api.md). */
import { complain, EXIT, parse, UsageError, type Command } from "../args";

export const tokenCommand: Command = {
  name: "token",
  summary: "Create a read-only API token (printed once) or revoke one.",
  usage: "frac token create NAME [--json] | frac token revoke NAME",
  help: [
    "Subcommands:",
    "  create NAME   create a token for the system NAME; the token is printed once and stored only as a hash",
    "  revoke NAME   revoke the token NAME; requests with it are refused (401) from then on",
    "",
    "Options:",
    "  --json        (create) print { name, token } as JSON",
    "",
    "Systems send the token as `Authorization: Bearer TOKEN` to /api/v1 and /ims/case/v1p1 (docs/api.md).",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: "boolean" } }, true);
    const [sub, name, ...extra] = positionals;
    if (sub !== "create" && sub !== "revoke") throw new UsageError(sub ? `unknown subcommand "${sub}"` : "name a subcommand: create or revoke");
    if (!name || extra.length) throw new UsageError("name exactly one NAME");
    const { createToken, revokeToken } = await import("~/models/token.server");
    if (sub === "revoke") {
      if (values.json) throw new UsageError("--json is for create");
      if (!revokeToken({ name })) {
        complain(`no live token named "${name}"; nothing was revoked`);
        return EXIT.invalid;
      }
      process.stdout.write(`Revoked the token "${name.trim()}".\n`);
      return EXIT.ok;
    }
    const result = createToken({ name, createdBy: null });
    if (!result.ok) {
      complain(result.message);
      return EXIT.invalid;
    }
    if (values.json) process.stdout.write(JSON.stringify({ name: result.name, token: result.token }) + "\n");
    else process.stdout.write(`Created the token "${result.name}". It is shown once; store it now:\n${result.token}\n`);
    return EXIT.ok;
  },
};
