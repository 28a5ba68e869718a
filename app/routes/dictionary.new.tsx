import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { entryDescriptionHiSchema, entryDescriptionSchema, entryNameHiSchema, entryNameSchema, optionalIdSchema, sharedTypeSchema } from "@schemas/dictionary-entry";
import { EntryFields } from "~/components/dictionary/entry-fields";
import { requireCuratorOrNotFound } from "~/http/curation-access.server";
import { parseForm } from "~/http/form.server";
import { replyRefused } from "~/http/form-reply.server";
import { badRequest } from "~/http/errors.server";
import { pageTitle } from "~/i18n/meta";
import { addEntry } from "~/models/dictionary/entry-writes.server";
import { scaleChoices, sharedThemeChoices } from "~/models/dictionary/dictionary.server";
import { inReaderLanguage } from "~/http/refusal-reply.server";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "curation:add.title", "Add a dictionary entry");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCuratorOrNotFound(request);
  return json({ themes: sharedThemeChoices(), scales: scaleChoices() });
}

const addSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), type: sharedTypeSchema, parentId: optionalIdSchema, name: entryNameSchema, description: entryDescriptionSchema, nameHi: entryNameHiSchema, descriptionHi: entryDescriptionHiSchema, scaleId: optionalIdSchema }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const curator = await requireCuratorOrNotFound(request);
  const form = await parseForm(request, addSchema);
  if (!form.ok) {
    if (form.unknownIntent) throw badRequest(refusalText("page.unknownRequest"));
    return replyRefused("add", { status: 400, message: form.message, fieldErrors: form.fieldErrors });
  }
  switch (form.data.intent) {
    case "add": {
      const { intent: _intent, ...entry } = form.data;
      const result = addEntry({ entry, actorId: curator.id });
      if (!result.ok) return replyRefused("add", await inReaderLanguage(request, result));
      throw redirect(`/dictionary/${result.id}`);
    }
  }
}

export default function AddEntry() {
  const { themes, scales } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("curation");
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/dictionary">{t("common:nav.dictionary")}</Link>
      </nav>
      <h1>{t("add.title")}</h1>
      <p className="muted">{t("add.intro")}</p>
      {reply && !reply.ok ? (
        <p className="form-error" role="alert">
          {reply.message}
        </p>
      ) : null}
      <Form method="post" className="panel entry-form">
        <input type="hidden" name="intent" value="add" />
        <EntryFields prefix="add" themes={themes} scales={scales} errors={reply?.fieldErrors ?? {}} />
        <button type="submit" className="button primary" disabled={busy}>
          {t("add.submit")}
        </button>
      </Form>
    </>
  );
}
