/**
 * A refusal as data: a message key in the `refusals` namespace and its params, so the same
 * refusal reads in English for the API, the CLI and logs, and in the reader's language on a page
 * (docs/decisions/027). Shared by server and browser; nothing here touches the database.
 */
import type { TFunction } from "i18next";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/i18n";
import { isBlank } from "@schemas/text";
import type en from "~/locales/en/refusals.json";

type PluralSuffix = "_zero" | "_one" | "_two" | "_few" | "_many" | "_other";
type WithoutPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? WithoutPlural<`${Prefix}${K}`> : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key of app/locales/en/refusals.json ("draft.stale", "comment.tooLong", …). */
export type RefusalKey = Leaves<typeof en>;
/** A moment the reader sees in their language and India Standard Time; null is "an unknown date". */
export type WhenParam = { when: string | null };
/** A param: plain text (names, ids), a number (counts pick the plural), a nested refusal text, or a moment. */
export type RefusalParam = string | number | RefusalText | WhenParam;
export type RefusalParams = { [name: string]: RefusalParam };
/** What a refusal says, as data. */
export type RefusalText = { key: RefusalKey; params?: RefusalParams };

/** The refusal text for `key` with `params`; the one way code names a refusal message (a unit test scans for it). */
export function refusalText(key: RefusalKey, params?: RefusalParams): RefusalText {
  return params ? { key, params } : { key };
}

const isWhen = (value: RefusalParam): value is WhenParam => typeof value === "object" && "when" in value;

/** A moment as a sentence says it: "12 Mar 2025, 7:33 pm IST" (the same in Hindi, with Hindi month names). */
export function whenIn(lng: Language, iso: string | null | undefined, t: TFunction): string {
  if (!iso) return t("refusals:unknownDate");
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${formatDateTime(lng, at)} IST`;
}

/** The refusal in `t`'s language (`lng`), nested texts and moments said first. */
export function sayRefusal(lng: Language, t: TFunction, text: RefusalText): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    values[name] = typeof value !== "object" ? value : isWhen(value) ? whenIn(lng, value.when, t) : sayRefusal(lng, t, value);
  }
  return t(`refusals:${text.key}`, values);
}

type NodeKindWord = "position" | "role" | "activity" | "competency" | "knowledge_resource";
const QUOTED_NAME_MAX = 80;

/** A kind as a sentence names it: "a role", "an activity" (Hindi: भूमिका, गतिविधि). */
export function aKindText(kind: NodeKindWord): RefusalText {
  return refusalText(`kind.a.${kind}`);
}

/** How a refusal names a node: `Role "Budget preparation"`, or `Role with no name (id …)`; long names are cut at 80 characters. */
export function nodeText(node: { id: string; kind: NodeKindWord; name: string }): RefusalText {
  const name = node.name.trim();
  if (isBlank(name)) return refusalText(`node.unnamed.${node.kind}`, { id: node.id });
  const shown = name.length > QUOTED_NAME_MAX ? `${name.slice(0, QUOTED_NAME_MAX - 1)}…` : name;
  return refusalText(`node.named.${node.kind}`, { name: shown });
}
