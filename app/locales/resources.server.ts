/**
 * Every message file of every language, bundled with the server (nothing is read from disk or
 * fetched at run time). Add one line per language when you add a namespace; a unit test fails
 * when a file in app/locales is missing here.
 */
import type { Resource } from "i18next";
import type { Language } from "~/i18n/i18n";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enDictionary from "./en/dictionary.json";
import enFindings from "./en/findings.json";
import enFramework from "./en/framework.json";
import enNotifications from "./en/notifications.json";
import enReview from "./en/review.json";
import hiAuth from "./hi/auth.json";
import hiCommon from "./hi/common.json";
import hiDictionary from "./hi/dictionary.json";
import hiFindings from "./hi/findings.json";
import hiFramework from "./hi/framework.json";
import hiNotifications from "./hi/notifications.json";
import hiReview from "./hi/review.json";
import enA11y from "./en/a11y.json";
import hiA11y from "./hi/a11y.json";
import enSearch from "./en/search.json";
import hiSearch from "./hi/search.json";
import enAccount from "./en/account.json";
import hiAccount from "./hi/account.json";
import enAdmin from "./en/admin.json";
import hiAdmin from "./hi/admin.json";
import enHistory from "./en/history.json";
import hiHistory from "./hi/history.json";
import enScale from "./en/scale.json";
import hiScale from "./hi/scale.json";
import enImport from "./en/import.json";
import hiImport from "./hi/import.json";
import enEditor from "./en/editor.json";
import hiEditor from "./hi/editor.json";
import enDictionarySources from "./en/dictionary-sources.json";
import hiDictionarySources from "./hi/dictionary-sources.json";
import enGraph from "./en/graph.json";
import hiGraph from "./hi/graph.json";
import enReuse from "./en/reuse.json";
import hiReuse from "./hi/reuse.json";
import enProfiles from "./en/profiles.json";
import hiProfiles from "./hi/profiles.json";
import enCbc from "./en/cbc.json";
import hiCbc from "./hi/cbc.json";
import enAcbp from "./en/acbp.json";
import hiAcbp from "./hi/acbp.json";
import enCuration from "./en/curation.json";
import hiCuration from "./hi/curation.json";
import enContent from "./en/content.json";
import hiContent from "./hi/content.json";
import enRefusals from "./en/refusals.json";
import hiRefusals from "./hi/refusals.json";

/** All messages by language, then namespace. */
export const resources = {
  en: {
    auth: enAuth,
    common: enCommon,
    dictionary: enDictionary,
    findings: enFindings,
    framework: enFramework,
    notifications: enNotifications,
    review: enReview,
    a11y: enA11y,
    search: enSearch,
    "dictionary-sources": enDictionarySources,
    graph: enGraph,
    reuse: enReuse,
    profiles: enProfiles,
    cbc: enCbc,
    acbp: enAcbp,
    curation: enCuration,
    content: enContent,
    refusals: enRefusals,
    editor: enEditor,
    import: enImport,
    scale: enScale,
    history: enHistory,
    admin: enAdmin,
    account: enAccount,
  },
  hi: {
    auth: hiAuth,
    common: hiCommon,
    dictionary: hiDictionary,
    findings: hiFindings,
    framework: hiFramework,
    notifications: hiNotifications,
    review: hiReview,
    a11y: hiA11y,
    search: hiSearch,
    "dictionary-sources": hiDictionarySources,
    graph: hiGraph,
    reuse: hiReuse,
    profiles: hiProfiles,
    cbc: hiCbc,
    acbp: hiAcbp,
    curation: hiCuration,
    content: hiContent,
    refusals: hiRefusals,
    editor: hiEditor,
    import: hiImport,
    scale: hiScale,
    history: hiHistory,
    admin: hiAdmin,
    account: hiAccount,
  },
} satisfies Record<Language, Resource[string]>;
