/** A curator's forms on a shared entry's page: name and description (with their Hindi), level indicators, merge, retire. */
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormReply } from "@schemas/replies";
import { EntryFields, useFieldError } from "./entry-fields";

type Level = { level: number; name: string; indicators: string[]; isDefault: boolean };
type Props = { name: string; description: string; nameHi: string | null; descriptionHi: string | null; retired: boolean; levels: Level[] };

/** The reply to this form's intent, if the last post was this form's. */
function useReply(intent: string): FormReply | null {
  const reply = useActionData<FormReply>();
  return reply && reply.intent === intent ? reply : null;
}

function Outcome({ reply, done }: { reply: FormReply | null; done: string }) {
  if (!reply) return null;
  return reply.ok ? (
    <p className="form-success" role="status">
      {done}
    </p>
  ) : (
    <p className="form-error" role="alert">
      {reply.message}
    </p>
  );
}

export function CurateForms({ name, description, nameHi, descriptionHi, retired, levels }: Props) {
  const { t } = useTranslation("dictionary");
  const { t: tc } = useTranslation("curation");
  const busy = useNavigation().state !== "idle";
  const edit = useReply("edit");
  const indicators = useReply("indicators");
  const merge = useReply("merge");
  const retire = useReply("retire");
  const retireField = useFieldError(retire?.fieldErrors ?? {}, "retire");
  return (
    <section aria-labelledby="h-curate" className="curate">
      <h2 id="h-curate">{t("entry.curate.heading")}</h2>
      {retired ? null : (
        <Form method="post" aria-labelledby="h-edit">
          <h3 id="h-edit">{tc("edit.heading")}</h3>
          <Outcome reply={edit} done={tc("edit.saved")} />
          <input type="hidden" name="intent" value="edit" />
          <EntryFields prefix="edit" values={{ name, description, nameHi, descriptionHi }} errors={edit?.fieldErrors ?? {}} />
          <button type="submit" disabled={busy}>
            {tc("edit.submit")}
          </button>
        </Form>
      )}
      <Form method="post">
        <Outcome reply={indicators} done={t("entry.curate.saved")} />
        <input type="hidden" name="intent" value="indicators" />
        {levels.map((l) => (
          <p key={l.level} className="field">
            <label htmlFor={`level-${l.level}`}>{t("entry.curate.indicators", { level: l.level, name: l.name })}</label>
            <textarea id={`level-${l.level}`} name={`level-${l.level}`} rows={3} defaultValue={l.isDefault ? "" : l.indicators.join("\n")} />
          </p>
        ))}
        <button type="submit" disabled={busy}>
          {t("entry.curate.saveIndicators")}
        </button>
      </Form>
      {retired ? null : (
        <>
          <Form method="post">
            <input type="hidden" name="intent" value="merge" />
            <h3>{t("entry.curate.merge")}</h3>
            <Outcome reply={merge} done={t("entry.curate.merged")} />
            <p className="small muted" id="merge-help">
              {t("entry.curate.mergeHelp")}
            </p>
            <p className="field">
              <label htmlFor="survivor">{t("entry.curate.survivor")}</label>
              <input id="survivor" name="survivor" required aria-describedby="merge-help" />
            </p>
            <button type="submit" disabled={busy}>
              {t("entry.curate.mergeButton")}
            </button>
          </Form>
          <Form method="post" aria-labelledby="h-retire">
            <h3 id="h-retire">{tc("retire.heading")}</h3>
            <Outcome reply={retire} done={tc("retire.done")} />
            <p className="small muted">{tc("retire.help")}</p>
            <input type="hidden" name="intent" value="retire" />
            <div className="field">
              <label htmlFor="retire-reason">{tc("retire.reason")}</label>
              <input maxLength={2000} {...retireField.attrs("reason")} />
              {retireField.error("reason")}
            </div>
            <button type="submit" disabled={busy}>
              {tc("retire.submit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
