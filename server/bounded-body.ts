/**
 * What a request body may be, decided from its headers before a byte of it is read: its size
 * (Content-Length; a body sent without one is refused where the app would have to buffer it)
 * and its type (forms where the app reads forms, JSON where it reads JSON), so a gigabyte posted
 * to the sign-in form, or text posted to the editor, never reaches the app.
 */
import type { RequestHandler } from "express";
import { LIMITS } from "@schemas/limits";
import { refuse } from "./refuse";

const MB = 1024 * 1024;
const FORM = ["application/x-www-form-urlencoded", "multipart/form-data"];
const JSON_TYPE = ["application/json"];

type BodyRule = { path: RegExp; maxBytes: number; types: string[]; what: string; streamedCounted: boolean };

/**
 * Routes with bodies of their own kind. Both count a body sent without a length as they read it
 * (the import's upload handler, the editor's capped reader); every other route takes forms of at
 * most FORM_BODY_BYTES_MAX.
 */
const RULES: BodyRule[] = [
  { path: /^\/frameworks\/[^/]+\/import\/?$/u, maxBytes: LIMITS.IMPORT_FILE_BYTES_MAX + MB, types: ["multipart/form-data"], what: "an import upload", streamedCounted: true },
  { path: /^\/dictionary\/sources\/?$/u, maxBytes: LIMITS.IMPORT_FILE_BYTES_MAX + MB, types: ["multipart/form-data"], what: "a CASE package upload", streamedCounted: true },
  { path: /^\/frameworks\/[^/]+\/edits?\/?$/u, maxBytes: LIMITS.EDITOR_SAVE_BYTES_MAX, types: JSON_TYPE, what: "an editor save", streamedCounted: true },
];
const FORMS: BodyRule = { path: /./u, maxBytes: LIMITS.FORM_BODY_BYTES_MAX, types: FORM, what: "a form", streamedCounted: false };
// why: the read API takes no bodies and answers its own 405; its clients are not browsers.
const API_PATHS = /^\/(?:api|ims)\//u;
const SAFE_METHODS = new Set(["GET", "HEAD"]);
const DRAIN_MAX_BYTES = 16 * MB;

/** Refuses an oversized body (413), one with no length where one is needed (411), and one of the wrong type (415). */
export function boundedBodies(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const rule = RULES.find((r) => r.path.test(req.path)) ?? FORMS;
    const length = req.get("content-length");
    if (length !== undefined && Number(length) > rule.maxBytes) {
      // why: Node discards an unread body so the connection can serve the next request; a client
      // still sending only sees the answer if it is let finish. Past DRAIN_MAX_BYTES, hang up instead.
      const close: Record<string, string> = Number(length) > DRAIN_MAX_BYTES ? { Connection: "close" } : {};
      return refuse(res, 413, `Refused: ${rule.what} may be at most ${size(rule.maxBytes)}; this one is ${size(Number(length))}.`, close);
    }
    if (length === undefined && req.get("transfer-encoding") !== undefined && !rule.streamedCounted) {
      return refuse(res, 411, "Refused: send the body with a Content-Length.", { Connection: "close" });
    }
    if (API_PATHS.test(req.path)) return next();
    const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (!rule.types.includes(type)) {
      return refuse(res, 415, `Refused: ${rule.what} must be sent as ${rule.types.join(" or ")}${type ? `, not ${type.slice(0, 80)}` : ""}.`);
    }
    next();
  };
}

function size(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
