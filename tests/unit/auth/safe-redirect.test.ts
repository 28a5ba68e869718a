import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/http/safe-redirect";

describe("safeRedirect", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeRedirect("/frameworks/CBIC")).toBe("/frameworks/CBIC");
    expect(safeRedirect("/frameworks/CBIC/edit?node=1#x")).toBe("/frameworks/CBIC/edit?node=1#x");
    expect(safeRedirect("/review?status=UNVERIFIED%20A")).toBe("/review?status=UNVERIFIED%20A");
    expect(safeRedirect("/a/../b")).toBe("/b");
  });

  it.each([
    ["tab before the second slash", "/\t/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslash after slash twice", "/\\/evil.example"],
    ["encoded newline", "/%0a/evil.example"],
    ["raw newline", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["NUL", "/x\u0000y"],
    ["DEL", "/x\u007fy"],
    ["encoded slash making //", "/%2F/evil.example"],
    ["encoded backslash", "/%5cevil.example"],
    ["absolute URL", "https://evil.example/"],
    ["javascript:", "javascript:alert(1)"],
    ["no leading slash", "frameworks"],
    ["empty", ""],
    ["bad percent encoding", "/%E0%A4%A"],
    ["very long", "/" + "a".repeat(3000)],
  ])("refuses %s, falling back to /", (_, payload) => {
    expect(safeRedirect(payload)).toBe("/");
  });

  it("falls back for values that are not strings, and to a given fallback", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/review")).toBe("/review");
    expect(safeRedirect("//x", "/home")).toBe("/home");
  });
});
