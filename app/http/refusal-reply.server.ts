/**
 * Refusals on pages: the model's sentence in the reader's language. The English `message` is what
 * the models write (and what the CLI and logs print); a page action swaps in the same sentence said
 * from its code and params when the request is in another language (docs/decisions/027).
 */
import { sayRefusal, type RefusalKey, type RefusalParams } from "~/i18n/refusal-text";
import { fixedT, getLanguage } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/i18n";

type Sayable = { message: string; code?: RefusalKey; params?: RefusalParams };

/** The refusal's sentence in `lng`: English is the model's own `message`; a refusal without a code stays as written. */
export function refusalIn(lng: Language, refused: Sayable): string {
  if (lng === "en" || !refused.code) return refused.message;
  return sayRefusal(lng, fixedT(lng), { key: refused.code, ...(refused.params ? { params: refused.params } : {}) });
}

/** The refusal with `message` in the request's language (the rest as it was). */
export async function inReaderLanguage<T extends Sayable>(request: Request, refused: T): Promise<T> {
  return { ...refused, message: refusalIn(await getLanguage(request), refused) };
}
