/** Reading the file a command was given, with the messages every command uses. */
import fs from "node:fs";
import { complain } from "./args";

/** The file's bytes, or null after printing why it cannot be read (missing, not a file, over the size limit). */
export async function readInputFile(file: string): Promise<Buffer | null> {
  // why lazy: the limits module loads zod, which `frac --help` should not pay for.
  const { LIMITS } = await import("@schemas/limits");
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      complain(`${file} is not a file`);
      return null;
    }
    if (stat.size > LIMITS.IMPORT_FILE_BYTES_MAX) {
      const mb = (n: number) => `${Math.ceil(n / (1024 * 1024)).toLocaleString("en-IN")} MB`;
      complain(`${file} is ${mb(stat.size)}; at most ${mb(LIMITS.IMPORT_FILE_BYTES_MAX)} can be read at once. Split it into smaller files.`);
      return null;
    }
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    complain(code === "ENOENT" ? `${file}: no such file` : `cannot read ${file}: ${(e as Error).message}`);
    return null;
  }
}
