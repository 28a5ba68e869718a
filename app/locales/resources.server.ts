/**
 * Every message file of every language, bundled with the server (nothing is read from disk or
 * fetched at run time). Add one line per language when you add a namespace; a unit test fails
 * when a file in app/locales is missing here.
 */
import type { Resource } from "i18next";
import type { Language } from "~/utils/i18n";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enFindings from "./en/findings.json";
import enFramework from "./en/framework.json";
import hiAuth from "./hi/auth.json";
import hiCommon from "./hi/common.json";
import hiFindings from "./hi/findings.json";
import hiFramework from "./hi/framework.json";

/** All messages by language, then namespace. */
export const resources = {
  en: {
    auth: enAuth,
    common: enCommon,
    findings: enFindings,
    framework: enFramework,
  },
  hi: {
    auth: hiAuth,
    common: hiCommon,
    findings: hiFindings,
    framework: hiFramework,
  },
} satisfies Record<Language, Resource[string]>;
