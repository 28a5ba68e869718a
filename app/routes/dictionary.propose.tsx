import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { entryDescriptionHiSchema, entryDescriptionSchema, entryNameHiSchema, entryNameSchema, optionalIdSchema, optionalReasonSchema, sharedTypeSchema } from "@schemas/dictionary-entry";
import { EntryFields, useFieldError } from "~/components/dictionary/entry-fields";
import { ProposalSummary } from "~/components/dictionary/proposal-summary";
import { requireProposerOrNotFound } from "~/http/curation-access.server";
import { badRequest, notFound } from "~/http/errors.server";
import { parseForm } from "~/http/form.server";
import { replyRefused } from "~/http/form-reply.server";
import { pageTitle } from "~/i18n/meta";
import { getDictionaryEntry, sharedThemeChoices } from "~/models/dictionary/dictionary.server";
import { frozenReason } from "~/models/dictionary/entry-writes.server";
import { sayRefusal } from "~/i18n/refusal-text";
import { fixedT, getLanguage } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/i18n";

/** Why the entry may no longer change, in the reader's language; null when it may. */
function frozenIn(lng: Language, entry: Parameters<typeof frozenReason>[0]): string | null {
  const reason = frozenReason(entry);
  return reason && sayRefusal(lng, fixedT(lng), reason);
}
import { propose, proposalsBy } from "~/models/dictionary/proposals.server";
import { inReaderLanguage } from "~/http/refusal-reply.server";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "curation:propose.title", "Propose a dictionary entry");

/** The shared entry whose change is proposed (`?change=ID`), or null for a new entry; 404 when it is not one. */
function changeTarget(url: URL, lng: Language) {
  const raw = url.searchParams.get("change");
  if (!raw) return null;
  const id = z.uuid().safeParse(raw);
  const entry = id.success ? getDictionaryEntry({ id: id.data, mdoIds: [], allMdos: false }) : null;
  if (!entry || entry.type === "Domain") throw notFound(refusalText("page.noSuchSharedEntry"));
  return { id: entry.id, name: entry.name, description: entry.description, nameHi: entry.nameHi, descriptionHi: entry.descriptionHi, type: entry.type, frozen: frozenIn(lng, entry) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireProposerOrNotFound(request);
  const url = new URL(request.url);
  return json({ change: changeTarget(url, await getLanguage(request)), themes: sharedThemeChoices(), mine: proposalsBy({ userId: user.id }), sent: url.searchParams.has("sent"), name: url.searchParams.get("name")?.slice(0, 300) ?? "" });
}

const proposeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("propose"),
    competencyId: optionalIdSchema,
    type: sharedTypeSchema,
    parentId: optionalIdSchema,
    name: entryNameSchema,
    description: entryDescriptionSchema,
    nameHi: entryNameHiSchema,
    descriptionHi: entryDescriptionHiSchema,
    rationale: optionalReasonSchema,
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProposerOrNotFound(request);
  const form = await parseForm(request, proposeSchema);
  if (!form.ok) {
    if (form.unknownIntent) throw badRequest(refusalText("page.unknownRequest"));
    return replyRefused("propose", { status: 400, message: form.message, fieldErrors: form.fieldErrors });
  }
  switch (form.data.intent) {
    case "propose": {
      const { competencyId, type, parentId, name, description, nameHi, descriptionHi, rationale } = form.data;
      const result = propose({ competencyId, type, parentId: competencyId ? null : parentId, name, description, nameHi, descriptionHi, rationale, proposerId: user.id });
      if (!result.ok) return replyRefused("propose", await inReaderLanguage(request, result));
      throw redirect("/dictionary/propose?sent=1");
    }
  }
}

export default function Propose() {
  const { change, themes, mine, sent, name } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("curation");
  const errors = reply?.fieldErrors ?? {};
  const { attrs, error } = useFieldError(errors, "propose");
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/dictionary">{t("common:nav.dictionary")}</Link>
        {change ? (
          <>
            {" "}
            <span aria-hidden="true">›</span> <Link to={`/dictionary/${change.id}`}>{change.name}</Link>
          </>
        ) : null}
      </nav>
      <h1>{change ? t("propose.titleChange", { name: change.name }) : t("propose.title")}</h1>
      <p className="muted">{change ? t("propose.introChange") : t("propose.intro")}</p>
      {sent ? (
        <p className="form-success" role="status">
          {t("propose.sent")}
        </p>
      ) : null}
      {reply && !reply.ok ? (
        <p className="form-error" role="alert">
          {reply.message}
        </p>
      ) : null}
      {change?.frozen ? (
        <p className="empty">
          {t("propose.frozen", { reason: change.frozen })} <Link to="/dictionary/propose">{t("propose.newInstead")}</Link>
        </p>
      ) : (
        <Form method="post" className="panel entry-form">
          <input type="hidden" name="intent" value="propose" />
          {change ? (
            <>
              <input type="hidden" name="competencyId" value={change.id} />
              <input type="hidden" name="type" value={change.type} />
            </>
          ) : null}
          <EntryFields prefix="propose" themes={change ? undefined : themes} values={change ?? { name }} errors={errors} />
          <div className="field">
            <label htmlFor="propose-rationale">{t("fields.rationale")}</label>
            <textarea rows={3} maxLength={2000} {...attrs("rationale")} />
            {error("rationale")}
          </div>
          <button type="submit" className="button primary" disabled={busy}>
            {t("propose.submit")}
          </button>
        </Form>
      )}
      <section aria-labelledby="h-mine">
        <h2 id="h-mine">{t("propose.mine")}</h2>
        {mine.length === 0 ? <p className="muted">{t("propose.none")}</p> : null}
        <ul className="proposal-list">
          {mine.map((p) => (
            <li key={p.id} className="panel" aria-labelledby={`proposal-${p.id}`}>
              <ProposalSummary p={p} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
