import { describe, expect, it } from "vitest";
import {
  allowedChildKinds,
  allowedParentKinds,
  LINK_KINDS,
  LINK_RULES,
  linkKindFor,
  NODE_KIND_LABELS,
  NODE_KINDS,
} from "@schemas/enums";

describe("linkKindFor", () => {
  it("names the link kind for every allowed pair", () => {
    expect(linkKindFor("position", "role")).toBe("position_role");
    expect(linkKindFor("role", "activity")).toBe("role_activity");
    expect(linkKindFor("activity", "competency")).toBe("activity_competency");
    expect(linkKindFor("role", "competency")).toBe("role_competency");
    expect(linkKindFor("position", "knowledge_resource")).toBe("position_resource");
    expect(linkKindFor("activity", "knowledge_resource")).toBe("activity_resource");
  });

  it("returns null for reversed, skipping and same-kind pairs", () => {
    expect(linkKindFor("role", "position")).toBeNull();
    expect(linkKindFor("position", "activity")).toBeNull();
    expect(linkKindFor("position", "competency")).toBeNull();
    expect(linkKindFor("role", "role")).toBeNull();
    expect(linkKindFor("competency", "competency")).toBeNull();
    expect(linkKindFor("role", "knowledge_resource")).toBeNull();
  });

  it("agrees with LINK_RULES on all 25 pairs of node kinds", () => {
    let allowed = 0;
    for (const from of NODE_KINDS) {
      for (const to of NODE_KINDS) {
        const kind = linkKindFor(from, to);
        if (kind === null) continue;
        allowed++;
        expect(LINK_RULES[kind]).toMatchObject({ from, to });
      }
    }
    expect(allowed).toBe(LINK_KINDS.length);
  });
});

describe("LINK_RULES", () => {
  it("carries a level exactly on the links to a competency", () => {
    const withLevel = LINK_KINDS.filter((kind) => LINK_RULES[kind].carriesLevel);
    expect(withLevel.sort()).toEqual(["activity_competency", "role_competency"]);
    for (const kind of LINK_KINDS) {
      expect(LINK_RULES[kind].carriesLevel).toBe(LINK_RULES[kind].to === "competency");
    }
  });

  it("labels each rule with the human names of its ends", () => {
    for (const kind of LINK_KINDS) {
      const rule = LINK_RULES[kind];
      expect(rule.label).toBe(`${NODE_KIND_LABELS[rule.from]} → ${NODE_KIND_LABELS[rule.to]}`);
    }
  });
});

describe("allowed kinds", () => {
  it("lists what a node may link to and be linked from", () => {
    expect(allowedChildKinds("role")).toEqual(["activity", "competency"]);
    expect(allowedChildKinds("competency")).toEqual([]);
    expect(allowedParentKinds("competency")).toEqual(["activity", "role"]);
    expect(allowedParentKinds("knowledge_resource")).toEqual(["position", "activity"]);
    expect(allowedParentKinds("position")).toEqual([]);
  });
});
