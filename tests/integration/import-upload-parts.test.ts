// The import upload's shape: one file part and a few small fields, capped in total however it is
// sent. Anything else is refused while it is read, and nothing is written.
import { describe, expect, it } from "vitest";
import { LIMITS } from "@schemas/limits";
import { action } from "~/routes/frameworks.$code.import";
import { AUTHOR, CBIC_ROW, flatCsv, unchangedBy } from "../factories/import";
import { requestAs } from "../support/request";

async function post(form: FormData | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const request = await requestAs(AUTHOR, "/frameworks/CBIC/import", { method: "POST", body: form, headers, duplex: "half" } as RequestInit);
  return unchangedBy(async () => {
    const res = await action({ request, params: { code: "CBIC" }, context: {} });
    return { status: res.status, body: await res.json() };
  });
}

const csv = (name = "frac.csv") => new File([flatCsv(CBIC_ROW)], name);

describe("the import upload", () => {
  it("with two files is refused (400)", async () => {
    const form = new FormData();
    form.set("intent", "apply");
    form.append("file", csv());
    form.append("file", csv("second.csv"));
    expect(await post(form)).toEqual({ status: 400, body: { ok: false, message: "Send one file at a time, as the import page does." } });
  });

  it("with its file under another name is refused (400)", async () => {
    const form = new FormData();
    form.set("intent", "apply");
    form.set("attachment", csv());
    expect(await post(form)).toEqual({ status: 400, body: { ok: false, message: "Send one file at a time, as the import page does." } });
  });

  it("with more parts than the page sends is refused (400)", async () => {
    const form = new FormData();
    for (let i = 0; i < 20; i++) form.append(`f${i}`, "x");
    form.set("file", csv());
    expect(await post(form)).toEqual({ status: 400, body: { ok: false, message: "The upload has more parts than the import page sends. Choose the file again." } });
  });

  it("whose parts together, streamed without a length, pass the cap is refused (413), though each part is under it", async () => {
    const boundary = "frac-boundary";
    const MB = 1024 * 1024;
    const pieces = [
      `--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n`,
      "m".repeat(30 * MB),
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ].map((t) => new TextEncoder().encode(t));
    const fileChunk = new Uint8Array(4 * MB).fill(0x61);
    let fileSent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pieces.shift();
        if (next) return controller.enqueue(next);
        // The file alone stays under its own cap (the memory handler's per-part limit).
        if (fileSent + fileChunk.length > LIMITS.IMPORT_FILE_BYTES_MAX - 8 * MB) return controller.close();
        fileSent += fileChunk.length;
        controller.enqueue(fileChunk);
      },
    });
    const reply = await post(body, { "Content-Type": `multipart/form-data; boundary=${boundary}` });
    expect(reply).toEqual({ status: 413, body: { ok: false, message: expect.stringMatching(/^The file is larger than the 128 MB an import accepts/) } });
  });

  it("that is not multipart at all is refused (400)", async () => {
    const request = await requestAs(AUTHOR, "/frameworks/CBIC/import", { method: "POST", body: "intent=apply", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const res = await action({ request, params: { code: "CBIC" }, context: {} });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, message: "The upload could not be read. Choose the file again." });
  });
});
