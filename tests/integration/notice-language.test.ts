/** Stored notices in the reader's language: key + params rendered in Hindi or English, old plain-text rows still readable, bilingual e-mail. */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@db/client";
import { notifications, users } from "@db/schema";
import { listNotifications, mailOf } from "~/models/review/notices.server";
import { decodeNotice, encodeNotice, noticeSentence } from "~/models/review/notice-text.server";

const anyUser = () => getDb().select({ id: users.id }).from(users).get()!.id;

describe("stored notices", () => {
  it("stores key and params with the English sentence, and lists them decoded", () => {
    const userId = anyUser();
    const id = crypto.randomUUID();
    const message = encodeNotice("published", { actor: "Bina Das", mdo: "Ministry of Finance", version: 3 });
    getDb().insert(notifications).values({ id, userId, mdoId: null, kind: "published", message, href: "/frameworks/MOF/versions/3" }).run();
    const listed = listNotifications({ userId, limit: 500 }).find((n) => n.id === id)!;
    expect(listed).toMatchObject({
      key: "published",
      params: { actor: "Bina Das", mdo: "Ministry of Finance", version: 3 },
      message: "Bina Das approved the framework of Ministry of Finance; it is published as version 3.",
    });
    expect(noticeSentence("hi", listed.key!, listed.params!)).toBe("Bina Das ने Ministry of Finance का ढांचा अनुमोदित किया; यह संस्करण 3 के रूप में प्रकाशित है।");
  });

  it("keeps rows written before keys readable as their English text", () => {
    const userId = anyUser();
    const id = crypto.randomUUID();
    const old = "Asha Rao submitted the framework of CBIC for technical review.";
    getDb().insert(notifications).values({ id, userId, mdoId: null, kind: "submitted", message: old }).run();
    expect(listNotifications({ userId, limit: 500 }).find((n) => n.id === id)).toMatchObject({ key: null, params: null, message: old });
    getDb().delete(notifications).where(eq(notifications.id, id)).run();
  });

  it("reads a message that only looks like a keyed notice as plain text", () => {
    for (const text of ['{"key": broken', '{"key":"nonsense","params":{},"text":"x"}', '{"key":"comment","params":null,"text":"x"}']) {
      expect(decodeNotice(text)).toEqual({ key: null, params: null, text });
    }
  });

  it("e-mails a keyed notice in English and Hindi, and a plain-text one in English only", () => {
    const keyed = decodeNotice(encodeNotice("comment", { actor: "Ravi Kumar", mdo: "CBIC", excerpt: "Which circular?" }));
    const mail = mailOf({ ...keyed, message: keyed.text, href: "/frameworks/CBIC/review" }, "https://frac.example");
    expect(mail.subject).toBe("Ravi Kumar commented on the framework of CBIC: “Which circular?” / Ravi Kumar ने CBIC के ढांचे पर टिप्पणी की: “Which circular?”");
    expect(mail.text).toContain("Ravi Kumar commented on the framework of CBIC");
    expect(mail.text).toContain("Ravi Kumar ने CBIC के ढांचे पर टिप्पणी की");
    expect(mail.text.match(/https:\/\/frac\.example\/frameworks\/CBIC\/review/gu)).toHaveLength(2);
    const plain = mailOf({ message: "Something happened.", key: null, params: null, href: null }, "https://frac.example");
    expect(plain).toEqual({ subject: "Something happened.", text: "Something happened.\n\n— FRAC Studio" });
  });
});
