/**
 * What a stored notice says, in either language. A notice is stored as a message key and its
 * params (JSON in the `message` column, with the English sentence beside them), so each reader
 * sees it in their own language; rows written before that hold plain English text and stay readable.
 */
import { fixedT } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/i18n";

/** The notices there are words for, in `notifications:notice.*`. */
export const NOTICE_KEYS = [
  "submitted",
  "verified",
  "rejected",
  "published",
  "comment",
  "reply",
  "proposalReceived",
  "proposalChangeReceived",
  "proposalAccepted",
  "proposalAcceptedNote",
  "proposalChangeAccepted",
  "proposalChangeAcceptedNote",
  "proposalDeclined",
  "proposalChangeDeclined",
] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];
export type NoticeParams = Record<string, string | number>;

/** A stored message, decoded: key and params when it has them (null for an old plain-text row), and the English text. */
export type NoticeText = { key: NoticeKey | null; params: NoticeParams | null; text: string };

const isKey = (value: unknown): value is NoticeKey => typeof value === "string" && (NOTICE_KEYS as readonly string[]).includes(value);

/** The sentence of a notice in one language. */
export function noticeSentence(lng: Language, key: NoticeKey, params: NoticeParams): string {
  return fixedT(lng, "notifications")(`notice.${key}`, params);
}

/** The `message` column's value for a new notice: key, params and the English sentence. */
export function encodeNotice(key: NoticeKey, params: NoticeParams): string {
  return JSON.stringify({ key, params, text: noticeSentence("en", key, params) });
}

/** Reads a `message` column: a keyed notice, or an older plain-text one (shown as written). */
export function decodeNotice(message: string): NoticeText {
  if (message.startsWith('{"key":')) {
    try {
      const value: unknown = JSON.parse(message);
      if (value && typeof value === "object" && "key" in value && "params" in value && "text" in value) {
        const { key, params, text } = value as { key: unknown; params: unknown; text: unknown };
        if (isKey(key) && params && typeof params === "object" && typeof text === "string") return { key, params: params as NoticeParams, text };
      }
    } catch {
      // why: not JSON after all; an old row whose text happens to start this way is shown as written.
    }
  }
  return { key: null, params: null, text: message };
}
