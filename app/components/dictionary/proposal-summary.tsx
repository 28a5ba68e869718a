/** One proposal as curators and its author read it: what is proposed, by whom, why, and its status. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";

export type ProposalItem = {
  id: string;
  competencyId: string | null;
  currentName: string | null;
  currentDescription: string | null;
  type: string;
  parentName: string | null;
  name: string;
  description: string;
  nameHi?: string | null;
  descriptionHi?: string | null;
  rationale: string;
  status: "open" | "accepted" | "declined";
  authorName: string;
  deciderName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  resultId: string | null;
  createdAt: string;
};

/** The proposal's heading text: a new entry, or a change to an existing one. */
export function useProposalTitle() {
  const { t } = useTranslation("curation");
  return (p: ProposalItem) => (p.competencyId ? t("queue.change", { name: p.currentName ?? p.name }) : t("queue.newEntry", { name: p.name }));
}

export function ProposalSummary({ p, headingLevel = 3 }: { p: ProposalItem; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("curation");
  const f = useFormat();
  const title = useProposalTitle();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const type = t(`common:competencyType.${p.type}`);
  return (
    <>
      <Heading id={`proposal-${p.id}`}>{title(p)}</Heading>
      <p className="small muted">
        {p.competencyId ? null : p.parentName ? t("queue.under", { type, parent: p.parentName }) : t("queue.asTheme", { type })}
        {p.competencyId ? null : " · "}
        {t("queue.by", { name: p.authorName, date: f.dateTime(p.createdAt) })} · <span className={`proposal-status status-${p.status}`}>{t(`status.${p.status}`)}</span>
      </p>
      <dl className="facts proposal-facts">
        {p.competencyId ? (
          <div>
            <dt>{t("queue.now")}</dt>
            <dd>
              <strong>{p.currentName}</strong>
              {p.currentDescription ? <span className="small"> · {p.currentDescription}</span> : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("queue.proposed")}</dt>
          <dd>
            <strong>{p.name}</strong>
            {p.description ? <span className="small"> · {p.description}</span> : null}
          </dd>
        </div>
        {p.nameHi || p.descriptionHi ? (
          <div>
            <dt>{t("queue.proposedHi")}</dt>
            <dd lang="hi">
              {p.nameHi ? <strong>{p.nameHi}</strong> : null}
              {p.descriptionHi ? <span className="small">{p.nameHi ? " · " : ""}{p.descriptionHi}</span> : null}
            </dd>
          </div>
        ) : null}
        {p.rationale ? (
          <div>
            <dt>{t("queue.rationale")}</dt>
            <dd>{p.rationale}</dd>
          </div>
        ) : null}
        {p.status !== "open" && p.decidedAt ? (
          <div>
            <dt>{t(`status.${p.status}`)}</dt>
            <dd>
              {t("queue.decidedBy", { status: t(`status.${p.status}`), name: p.deciderName ?? "—", date: f.dateTime(p.decidedAt) })}
              {p.decisionReason ? <> · {p.decisionReason}</> : null}
              {p.resultId ? (
                <>
                  {" "}
                  · <Link to={`/dictionary/${p.resultId}`}>{t("queue.openEntry")}</Link>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}
