import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressedBody, encodedEtag, negotiateEncoding } from "~/models/read-api/compressed-bytes.server";

describe("negotiateEncoding", () => {
  it.each([
    [null, "identity"],
    ["", "identity"],
    ["gzip", "gzip"],
    ["br", "br"],
    ["gzip, deflate, br", "br"],
    ["gzip, br;q=0", "gzip"],
    ["br;q=0.5, gzip;q=0.8", "gzip"],
    ["BR;Q=1", "br"],
    ["x-gzip", "gzip"],
    ["*", "br"],
    ["*;q=0", "identity"],
    ["br;q=0, *", "gzip"],
    ["identity", "identity"],
    ["deflate, compress", "identity"],
    ["gzip;q=banana", "identity"],
    [";;, ,", "identity"],
  ] as const)("Accept-Encoding %j → %s", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe("compressedBody", () => {
  const text = JSON.stringify({ nodes: Array.from({ length: 500 }, (_, i) => ({ id: i, name: `Activity ${i}`, description: "Examine the returns filed" })) });
  const bytes = new Uint8Array(Buffer.from(text, "utf8"));

  it("compresses to bytes that decompress to the body, far smaller", async () => {
    const br = await compressedBody("sha-a", bytes, "br");
    const gz = await compressedBody("sha-a", bytes, "gzip");
    expect(zlib.brotliDecompressSync(br.bytes).toString("utf8")).toBe(text);
    expect(zlib.gunzipSync(gz.bytes).toString("utf8")).toBe(text);
    expect(br.bytes.length * 10).toBeLessThan(bytes.length);
    expect(gz.bytes.length * 5).toBeLessThan(bytes.length);
  });

  it("makes a body's bytes once and keeps them, also while the first compression is running", async () => {
    const [a, b] = await Promise.all([compressedBody("sha-b", bytes, "br"), compressedBody("sha-b", bytes, "br")]);
    expect(b).toBe(a);
    expect(await compressedBody("sha-b", bytes, "br")).toBe(a);
    expect(await compressedBody("sha-b", bytes, "gzip")).not.toBe(a);
  });

  it("gives each encoding its own ETag", () => {
    expect(new Set([encodedEtag("abc", "identity"), encodedEtag("abc", "br"), encodedEtag("abc", "gzip")])).toEqual(new Set(['"abc"', '"abc-br"', '"abc-gzip"']));
  });
});
