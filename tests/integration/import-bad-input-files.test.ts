// Files that cannot be read at all: each is refused with a message that says what the file is
// and what to do, by the import page (400/413) and the CLI (exit 2), and nothing is written.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { LIMITS } from "@schemas/limits";
import { AUTHOR, CBIC_ROW, cliImporter, flatCsv, postImport, unchangedBy, type Upload } from "../factories/import";
import { requestAs } from "../support/request";
import { action } from "~/routes/frameworks.$code.import";
import { storedZip, utf16 } from "../factories/import-data";
import { zipBomb } from "../factories/zip-bomb";

const garbage = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
// Windows-1252 ("ANSI") bytes: 0xE9 is é, 0x92 is Excel's curly apostrophe; neither is UTF-8.
const latin1 = Buffer.from(flatCsv("Préventive Officer,Cargo examination,Examine goods,Customs valuation,Domain,3"), "latin1");
const curlyApostrophe = Buffer.from(flatCsv("Examiner,Cargo examination,Check the importer\x92s declaration,Customs valuation,Domain,3"), "latin1");

// `cli`: also run through the real CLI (each run starts a process, so a representative few).
type Unreadable = { what: string; file: Upload; status: number; message: RegExp; cli?: boolean };
const UNREADABLE: Unreadable[] = [
  { what: "an empty file", file: { name: "frac.csv", bytes: "" }, status: 400, message: /The file is empty\./, cli: true },
  { what: "only blank lines", file: { name: "frac.csv", bytes: "\r\n\r\n  \r\n" }, status: 400, message: /no rows to import/ },
  { what: "binary garbage", file: { name: "frac.csv", bytes: garbage }, status: 400, message: /not a text file \(it contains binary data\)/, cli: true },
  { what: "an .xlsx that is a zip of text files", file: { name: "frac.xlsx", bytes: storedZip({ "readme.txt": "hello", "data/list.csv": "a,b\n" }) }, status: 400, message: /zip archive of other files \(readme\.txt, data\/list\.csv\), not an Excel workbook/, cli: true },
  { what: "an .xlsx that is a Word document", file: { name: "frac.xlsx", bytes: storedZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }) }, status: 400, message: /is a Word document, not an Excel workbook/ },
  { what: "an OpenDocument spreadsheet", file: { name: "frac.ods", bytes: storedZip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" }) }, status: 400, message: /OpenDocument spreadsheet \(\.ods\).*save it as \.xlsx or CSV/, cli: true },
  { what: "a zip bomb (a 400 MB sheet packed into 400 KB)", file: { name: "frac.xlsx", bytes: zipBomb({ sheetMb: 400 }) }, status: 413, message: /This workbook was not opened: its \d+ KB would unpack to 400\.0 MB/, cli: true },
  { what: "a damaged zip", file: { name: "frac.xlsx", bytes: storedZip({ "xl/workbook.xml": "<workbook/>" }).subarray(0, 40) }, status: 400, message: /damaged or cut short/ },
  { what: "text named .xlsx", file: { name: "frac.xlsx", bytes: flatCsv(CBIC_ROW) }, status: 400, message: /named \.xlsx but is not an Excel workbook/ },
  { what: "an old .xls workbook", file: { name: "frac.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }, status: 400, message: /old Excel \.xls workbook/ },
  { what: "an Excel 2003 XML spreadsheet", file: { name: "frac.xml", bytes: '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook/>' }, status: 400, message: /XML or web-page \(HTML\) file, not a CSV/ },
  { what: "a web page saved as .csv", file: { name: "frac.csv", bytes: "<html><body><table><tr><td>Position</td></tr></table></body></html>" }, status: 400, message: /XML or web-page \(HTML\) file/ },
  { what: "Windows-1252 text (a curly apostrophe)", file: { name: "frac.csv", bytes: curlyApostrophe }, status: 400, message: /not in UTF-8: line 2 has a byte \(0x92, at byte \d+\).*CSV UTF-8/, cli: true },
  { what: "Windows-1252 text (an accented letter)", file: { name: "frac.csv", bytes: latin1 }, status: 400, message: /not in UTF-8: line 2 has a byte \(0xE9/ },
  { what: "UTF-16 cut in the middle of a character", file: { name: "frac.txt", bytes: utf16(flatCsv(CBIC_ROW).replaceAll(",", "\t"), "le").subarray(0, 101) }, status: 400, message: /looks like UTF-16 .* cannot be read as UTF-16/ },
];

describe("the import page refuses a file it cannot read, writing nothing", () => {
  it.each(UNREADABLE)("$what", async ({ file, status, message }) => {
    for (const intent of ["preview", "apply"]) {
      const res = await unchangedBy(() => postImport(AUTHOR, "CBIC", file, { intent }));
      expect(res).toEqual({ status, body: { ok: false, message: expect.stringMatching(message) } });
    }
  });

  it("asks for a file when none was chosen", async () => {
    const res = await unchangedBy(() => postImport(AUTHOR, "CBIC", null));
    expect(res).toEqual({ status: 400, body: { ok: false, message: "Choose a file to import." } });
  });
});

describe("a file over the size limit", () => {
  const limitMb = `${LIMITS.IMPORT_FILE_BYTES_MAX / 1024 / 1024} MB`;

  it("is refused with 413 from its Content-Length, before the body is read", async () => {
    const request = await requestAs(AUTHOR, "/frameworks/CBIC/import", {
      method: "POST",
      // why a stream that fails: the route must answer from the header and never pull the body.
      body: new ReadableStream({ pull: () => Promise.reject(new Error("the body was read")) }),
      headers: { "Content-Length": String(LIMITS.IMPORT_FILE_BYTES_MAX + 2 * 1024 * 1024), "Content-Type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const res = await unchangedBy(() => action({ request, params: { code: "CBIC" }, context: {} }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, message: `The file is larger than the ${limitMb} an import accepts. Split it into smaller files.` });
  });

  it("is refused with 413 when it is streamed without a length, once the limit is passed", async () => {
    const boundary = "frac-boundary";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\npreview\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    const chunk = new Uint8Array(4 * 1024 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        // One chunk past the limit is enough; the rest would never be read.
        if (sent > LIMITS.IMPORT_FILE_BYTES_MAX + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const request = await requestAs(AUTHOR, "/frameworks/CBIC/import", { method: "POST", body, headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, duplex: "half" } as RequestInit);
    const res = await unchangedBy(() => action({ request, params: { code: "CBIC" }, context: {} }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message?: string }).message).toContain(`larger than the ${limitMb}`);
  });
});

describe("frac import refuses a file it cannot read (exit 2), leaving the database file byte-for-byte unchanged", () => {
  const cli = cliImporter();
  afterAll(cli.db.remove);

  it.each(UNREADABLE.filter((c) => c.cli))("$what", ({ file, message }) => {
    const out = cli.importRefused(cli.write(file.name, file.bytes), 2);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe("");
  });

  it("a file over the size limit, checked from its size before it is read", () => {
    const file = cli.write("big.csv", "");
    // why truncate: a sparse file has the size without writing 128 MB to disk.
    fs.truncateSync(file, LIMITS.IMPORT_FILE_BYTES_MAX + 1);
    const out = cli.importRefused(file, 2);
    expect(out.stderr).toContain(`big.csv is ${LIMITS.IMPORT_FILE_BYTES_MAX / 1024 / 1024 + 1} MB; at most ${LIMITS.IMPORT_FILE_BYTES_MAX / 1024 / 1024} MB can be read at once`);
  });

  it("a file that does not exist, and a directory", () => {
    expect(cli.importRefused(`${cli.db.dir}/missing.csv`, 2).stderr).toContain("missing.csv: no such file");
    expect(cli.importRefused(cli.db.dir, 2).stderr).toContain("is not a file");
  });
});

