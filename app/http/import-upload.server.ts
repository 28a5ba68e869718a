/**
 * Reading the import page's upload: a multipart body with exactly one file part and a few small
 * fields, whose parts together may not pass the import's size cap, however the body is sent
 * (with or without a Content-Length). Everything else is refused while it is read.
 */
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { LIMITS } from "@schemas/limits";

/** The whole upload may be this much larger than the file: the intent, mode, sheet and column mapping. */
const FIELDS_BYTES_MAX = 1024 * 1024;
const PARTS_MAX = 16;

/** An upload that is not one the import page would send; `status` is 413 for the size cap, else 400. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = "UploadRefused";
  }
}

export const TOO_LARGE = `The file is larger than the ${Math.round(LIMITS.IMPORT_FILE_BYTES_MAX / 1024 / 1024)} MB an import accepts. Split it into smaller files.`;

/** The upload's form data; throws UploadRefused for a second file, too many parts, or too many bytes in all. */
export async function readImportUpload(request: Request): Promise<FormData> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > LIMITS.IMPORT_FILE_BYTES_MAX + FIELDS_BYTES_MAX) throw new UploadRefused(413, TOO_LARGE);
  try {
    return await parseMultipartFormData(request, oneFileWithinCap());
  } catch (e) {
    if (e instanceof UploadRefused) throw e;
    if (e instanceof Error && /exceeded|too large/i.test(e.message)) throw new UploadRefused(413, TOO_LARGE);
    throw new UploadRefused(400, "The upload could not be read. Choose the file again.");
  }
}

function oneFileWithinCap(): UploadHandler {
  const memory = createMemoryUploadHandler({ maxPartSize: LIMITS.IMPORT_FILE_BYTES_MAX });
  let total = 0;
  let parts = 0;
  let files = 0;
  return async (part) => {
    if (++parts > PARTS_MAX) throw new UploadRefused(400, "The upload has more parts than the import page sends. Choose the file again.");
    if (part.filename !== undefined && (++files > 1 || part.name !== "file")) {
      throw new UploadRefused(400, "Send one file at a time, as the import page does.");
    }
    async function* counted(): AsyncIterable<Uint8Array> {
      for await (const chunk of part.data) {
        total += chunk.byteLength;
        if (total > LIMITS.IMPORT_FILE_BYTES_MAX + FIELDS_BYTES_MAX) throw new UploadRefused(413, TOO_LARGE);
        yield chunk;
      }
    }
    return memory({ ...part, data: counted() });
  };
}
