import { describe, expect, it } from "vitest";
import { fieldLabel, shownValue } from "~/components/diff/labels";

describe("fieldLabel", () => {
  it("names fields as people say them, scale levels included", () => {
    expect(fieldLabel("nameHi")).toBe("Hindi name");
    expect(fieldLabel("level")).toBe("required level");
    expect(fieldLabel("scale[3].descriptor")).toBe("level 3 descriptor");
    expect(fieldLabel("scale.levels")).toBe("number of levels");
    expect(fieldLabel("somethingNew")).toBe("somethingNew");
  });

  it("shows nothing as a dash and keeps zero", () => {
    expect(shownValue(null)).toBe("—");
    expect(shownValue(0)).toBe("0");
  });
});
