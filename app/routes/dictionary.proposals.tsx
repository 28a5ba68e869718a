import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { optionalReasonSchema, reasonSchema } from "@schemas/dictionary-entry";
import { ProposalSummary, type ProposalItem } from "~/components/dictionary/proposal-summary";
import { requireCuratorOrNotFound } from "~/http/curation-access.server";
import { badRequest } from "~/http/errors.server";
import { parseForm } from "~/http/form.server";
import { replyDone, replyRefused } from "~/http/form-reply.server";
import { pageTitle } from "~/i18n/meta";
import { decideProposal, proposalQueue } from "~/models/dictionary/proposals.server";
import { inReaderLanguage } from "~/http/refusal-reply.server";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "curation:queue.title", "Proposals to the dictionary");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCuratorOrNotFound(request);
  return json(proposalQueue());
}

const proposalId = z.uuid({ error: "That is not a proposal of this dictionary." });
const decideSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), proposalId, reason: optionalReasonSchema }),
  z.object({ intent: z.literal("decline"), proposalId, reason: reasonSchema("Say why the proposal is declined: the author reads the reason.") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const curator = await requireCuratorOrNotFound(request);
  const form = await parseForm(request, decideSchema);
  if (!form.ok) {
    if (form.unknownIntent) throw badRequest(refusalText("page.unknownRequest"));
    return replyRefused("decide", { status: 400, message: form.message, fieldErrors: form.fieldErrors });
  }
  const { intent, proposalId: id, reason } = form.data;
  switch (intent) {
    case "accept":
    case "decline": {
      const result = decideProposal({ proposalId: id, accept: intent === "accept", reason, actorId: curator.id });
      if (!result.ok) return replyRefused(`${intent}:${id}`, await inReaderLanguage(request, result));
      return replyDone(`${intent}:${id}`, intent === "accept" ? "accepted" : "declined");
    }
  }
}

function Decide({ p }: { p: ProposalItem }) {
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("curation");
  const mine = reply && !reply.ok && reply.intent.endsWith(`:${p.id}`) ? reply : null;
  const declineError = mine?.intent.startsWith("decline") ? mine.fieldErrors.reason?.[0] : undefined;
  return (
    <div className="proposal-decide">
      {mine && !declineError ? (
        <p className="form-error" role="alert">
          {mine.message}
        </p>
      ) : null}
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name="proposalId" value={p.id} />
        <div className="field">
          <label htmlFor={`note-${p.id}`}>{t("queue.noteAccept")}</label>
          <input id={`note-${p.id}`} name="reason" maxLength={2000} />
        </div>
        <button type="submit" className="button primary" disabled={busy} aria-describedby={`proposal-${p.id}`}>
          {t("queue.accept")}
        </button>
      </Form>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="decline" />
        <input type="hidden" name="proposalId" value={p.id} />
        <div className="field">
          <label htmlFor={`reason-${p.id}`}>{t("queue.reasonDecline")}</label>
          <input
            id={`reason-${p.id}`}
            name="reason"
            maxLength={2000}
            aria-invalid={declineError ? true : undefined}
            aria-describedby={declineError ? `reason-${p.id}-error` : undefined}
          />
          {declineError ? (
            <p id={`reason-${p.id}-error`} className="field-error">
              {declineError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={busy} aria-describedby={`proposal-${p.id}`}>
          {t("queue.decline")}
        </button>
      </Form>
    </div>
  );
}

export default function ProposalQueue() {
  const { open, decided } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("curation");
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/dictionary">{t("common:nav.dictionary")}</Link>
      </nav>
      <h1>{t("queue.title")}</h1>
      <p className="muted">{t("queue.intro")}</p>
      {reply?.ok ? (
        <p className="form-success" role="status">
          {t(reply.message === "accepted" ? "queue.accepted" : "queue.declined")}
        </p>
      ) : null}
      <section aria-labelledby="h-open">
        <h2 id="h-open">{t("queue.openHeading", { count: open.length })}</h2>
        {open.length === 0 ? <p className="empty">{t("queue.none")}</p> : null}
        <ul className="proposal-list">
          {open.map((p) => (
            <li key={p.id} className="panel" aria-labelledby={`proposal-${p.id}`}>
              <ProposalSummary p={p} />
              <Decide p={p} />
            </li>
          ))}
        </ul>
      </section>
      {decided.length ? (
        <section aria-labelledby="h-decided">
          <h2 id="h-decided">{t("queue.decided")}</h2>
          <ul className="proposal-list">
            {decided.map((p) => (
              <li key={p.id} className="panel" aria-labelledby={`proposal-${p.id}`}>
                <ProposalSummary p={p} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
