import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { indicatorLines, indicatorsByLevel, levelIndicatorsSchema } from "@schemas/indicators";
import { competencyUsage } from "~/models/dictionary/usage.server";
import { entryHistory, findEntryByIdOrCode, mergeEntries, setIndicators } from "~/models/dictionary/curation.server";
import { getDictionaryEntry } from "~/models/dictionary/dictionary.server";
import { hasCbcRole, requireUser } from "~/http/auth.server";
import { badRequest, fail, notFound } from "~/http/errors.server";
import { isCurator, mayPropose } from "~/http/curation-access.server";
import { parseForm } from "~/http/form.server";
import { replyDone, replyRefused } from "~/http/form-reply.server";
import { editEntry, retireEntry } from "~/models/dictionary/entry-writes.server";
import { entryDescriptionHiSchema, entryDescriptionSchema, entryNameHiSchema, entryNameSchema, optionalReasonSchema } from "@schemas/dictionary-entry";
import { CurateForms } from "~/components/dictionary/curate-forms";
import { pageTitle } from "~/i18n/meta";
import { BilingualDescription, BilingualName } from "~/components/bilingual-name";

import { KcmMappings } from "~/components/dictionary/kcm-mappings";
import { SourceEntryView } from "~/components/dictionary/source-entry-view";
import { kcmMappingChoices, mappingsOfCompetency, mappingsOfSourceEntry } from "~/models/dictionary/mapping.server";
import { getSourceEntry, SOURCE_CURATORS } from "~/models/dictionary/sources.server";
import { levelName } from "~/i18n/level-name";
import { inReaderLanguage } from "~/http/refusal-reply.server";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.kind === "outside"
    ? pageTitle(matches, "dictionary:entryTitle", `${data.entry.abbreviatedStatement || data.entry.fullStatement} · Competency dictionary`, { name: data.entry.abbreviatedStatement || data.entry.fullStatement })
    : data ? pageTitle(matches, "dictionary:entryTitle", `${data.name} · Competency dictionary`, { name: data.name }) : pageTitle(matches, "dictionary:entryFallback", "Competency");

function entryFor(user: Awaited<ReturnType<typeof requireUser>>, raw: string | undefined) {
  const id = z.uuid().safeParse(raw);
  if (!id.success) throw notFound(refusalText("page.badCompetencyId"));
  const mdoIds = user.memberships.flatMap((m) => (m.mdoId ? [m.mdoId] : []));
  const entry = getDictionaryEntry({ id: id.data, mdoIds, allMdos: hasCbcRole(user) });
  if (!entry) throw notFound(refusalText("page.noSuchCompetency"));
  return entry;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // why not only UUIDs: an outside framework's entries keep their CASE identifiers as given.
  const id = z.string().min(1).max(256).safeParse(params.id);
  if (!id.success) throw notFound(refusalText("page.badCompetencyId"));
  if (z.uuid().safeParse(id.data).success) {
    const mdoIds = user.memberships.flatMap((m) => (m.mdoId ? [m.mdoId] : []));
    const entry = getDictionaryEntry({ id: id.data, mdoIds, allMdos: hasCbcRole(user) });
    if (entry) {
      // An entry merged into another keeps its address: it leads to the survivor.
      if (entry.mergedIntoId) throw redirect(`/dictionary/${entry.mergedIntoId}`);
      return json({
        kind: "kcm" as const,
        ...entry,
        levels: indicatorsByLevel(entry.scale.levels, entry.indicators),
        usage: competencyUsage({ competencyId: entry.id }),
        history: entryHistory({ competencyId: entry.id }),
        isCurator: isCurator(user) && entry.mdoCode === null,
        mayPropose: !isCurator(user) && mayPropose(user) && entry.mdoCode === null && entry.status === "active",
        outside: mappingsOfCompetency({ competencyId: entry.id }),
      });
    }
  }
  const sourceEntry = getSourceEntry({ id: id.data });
  if (!sourceEntry) throw notFound(refusalText("page.noSuchCompetency"));
  const mappings = mappingsOfSourceEntry({ sourceEntryId: sourceEntry.id });
  const choices = hasCbcRole(user, SOURCE_CURATORS) ? kcmMappingChoices() : null;
  return json({ kind: "outside" as const, entry: sourceEntry, mappings, choices });
}

type KcmData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "kcm" }>;

/** The loader's data on a KCM entry's page (the only page that renders the parts below). */
function useKcmEntry(): KcmData {
  const data = useLoaderData<typeof loader>();
  if (data.kind !== "kcm") throw new Error("a KCM entry's part rendered on an outside entry's page");
  return data;
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("indicators"), "level-1": z.string().optional(), "level-2": z.string().optional(), "level-3": z.string().optional(), "level-4": z.string().optional(), "level-5": z.string().optional() }),
  z.object({ intent: z.literal("merge"), survivor: z.string().trim().min(1, "Name the entry to keep: its id or KCM code.") }),
  z.object({ intent: z.literal("edit"), name: entryNameSchema, description: entryDescriptionSchema, nameHi: entryNameHiSchema, descriptionHi: entryDescriptionHiSchema }),
  z.object({ intent: z.literal("retire"), reason: optionalReasonSchema }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const entry = entryFor(user, params.id);
  if (!isCurator(user) || entry.mdoCode !== null) throw fail(403, refusalText("page.curatorOnly"));
  // why a clone: the reply names the form that was sent, which the parse below consumes.
  const sent = String((await request.clone().formData()).get("intent") ?? "");
  const parsed = await parseForm(request, actionSchema);
  if (!parsed.ok) {
    if (parsed.unknownIntent) throw badRequest(refusalText("page.unknownRequest"));
    return replyRefused(sent, { status: 400, message: parsed.message, fieldErrors: parsed.fieldErrors });
  }
  const form = parsed.data;
  switch (form.intent) {
    case "indicators": {
      const raw = Object.fromEntries(entry.scale.levels.map((l) => [String(l.level), indicatorLines(form[`level-${l.level}` as "level-1"] ?? "")]));
      const indicators = levelIndicatorsSchema.safeParse(raw);
      if (!indicators.success) return replyRefused("indicators", { status: 400, message: `Indicators: ${indicators.error.issues[0]?.message}` });
      const result = setIndicators({ competencyId: entry.id, indicators: indicators.data, actorId: user.id });
      return result.ok ? replyDone("indicators") : replyRefused("indicators", await inReaderLanguage(request, result));
    }
    case "merge": {
      const survivor = findEntryByIdOrCode(form.survivor);
      if (!survivor) return replyRefused("merge", { status: 400, message: `No dictionary entry has the id or code “${form.survivor}”.` });
      const result = mergeEntries({ duplicateId: entry.id, survivorId: survivor.id, actorId: user.id });
      if (!result.ok) return replyRefused("merge", await inReaderLanguage(request, result));
      throw redirect(`/dictionary/${survivor.id}`);
    }
    case "edit": {
      const result = editEntry({ competencyId: entry.id, name: form.name, description: form.description, nameHi: form.nameHi, descriptionHi: form.descriptionHi, actorId: user.id });
      return result.ok ? replyDone("edit") : replyRefused("edit", await inReaderLanguage(request, result));
    }
    case "retire": {
      const result = retireEntry({ competencyId: entry.id, reason: form.reason, actorId: user.id });
      return result.ok ? replyDone("retire") : replyRefused("retire", await inReaderLanguage(request, result));
    }
  }
}

export default function DictionaryEntryPage() {
  const data = useLoaderData<typeof loader>();
  if (data.kind === "outside") return <SourceEntryView e={data.entry} mappings={data.mappings} choices={data.choices} />;
  return <DictionaryEntry e={data} />;
}

function DictionaryEntry({ e }: { e: KcmData }) {
  const { t } = useTranslation("dictionary");
  return (
    <article className="dict-entry">
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/dictionary">{t("common:nav.dictionary")}</Link> <span aria-hidden="true">›</span> <span>{t(`common:competencyType.${e.type}`)}</span>
        {e.parent ? (
          <>
            {" "}
            <span aria-hidden="true">›</span> <Link to={`/dictionary/${e.parent.id}`}>{e.parent.name}</Link>
          </>
        ) : null}
      </nav>
      <h1>
        <BilingualName name={e.name} nameHi={e.nameHi} />
      </h1>
      {e.status === "retired" ? (
        <p className="empty retired-marker" role="note">
          {t("curation:retire.marker")}
        </p>
      ) : null}
      <dl className="facts">
        <div><dt>{t("type")}</dt><dd>{t(`common:competencyType.${e.type}`)}</dd></div>
        {e.code ? <div><dt>{t("kcmCode")}</dt><dd><code>{e.code}</code></dd></div> : null}
        <div><dt>{e.parent ? t("subThemeOf") : t("level")}</dt><dd>{e.parent ? e.parent.name : t("theme")}</dd></div>
        {e.mdoName ? <div><dt>{t("ownedBy")}</dt><dd>{e.mdoName}</dd></div> : null}
        {e.source ? <div><dt>{t("source")}</dt><dd>{e.source}</dd></div> : null}
      </dl>
      <h2>{t("description")}</h2>
      <BilingualDescription content={e} both empty={<p><span className="muted">{t("noDescription")}</span></p>} />
      <h2>{t("entry.levels.heading")}</h2>
      <ol className="scale level-indicators">
        {e.levels.map((l) => (
          <li key={l.level}>
            <strong>
              {l.level} {levelName(t, l.name)}
            </strong>
            {l.isDefault ? <span className="small muted"> · {t("entry.levels.default")}</span> : null}
            <ul>
              {l.indicators.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <Usage />
      {e.subThemes.length ? (
        <>
          <h2>{t("subThemes")}</h2>
          <ul>
            {e.subThemes.map((s) => (
              <li key={s.id}>
                <Link to={`/dictionary/${s.id}`}>{s.name}</Link> {s.code ? <code className="small">{s.code}</code> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {e.mayPropose ? (
        <p>
          <Link to={`/dictionary/propose?change=${e.id}`}>{t("curation:links.proposeChange")}</Link>
        </p>
      ) : null}
      {e.isCurator ? <CurateForms name={e.name} description={e.description} nameHi={e.nameHi} descriptionHi={e.descriptionHi} retired={e.status !== "active"} levels={e.levels} /> : null}
      <History />
      <KcmMappings mappings={e.outside} />
    </article>
  );
}

function Usage() {
  const { usage } = useKcmEntry();
  const { t } = useTranslation("dictionary");
  return (
    <section aria-labelledby="h-usage">
      <h2 id="h-usage">{t("entry.usage.heading")}</h2>
      {usage.length === 0 ? <p className="muted">{t("entry.usage.none")}</p> : null}
      {usage.map((u) => (
        <details key={u.mdoCode} className="dict-theme">
          <summary>
            <Link to={`/frameworks/${u.mdoCode}/versions/${u.version}`}>{t("entry.usage.framework", { mdo: u.mdoName, version: u.version })}</Link> ·{" "}
            {t("entry.usage.positions", { count: u.positions.length })} ·{" "}
            <span aria-label={t("entry.usage.distribution")}>
              {Object.entries(u.levels)
                .sort()
                .map(([level, n]) => `${t("entry.usage.level", { level })}: ${n}`)
                .join(", ")}
            </span>
          </summary>
          <ul>
            {u.positions.map((p) => (
              <li key={p.id}>
                {p.name} · {t("entry.usage.level", { level: p.level })}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

function History() {
  const { history } = useKcmEntry();
  const { t } = useTranslation("dictionary");
  const f = useFormat();
  return (
    <section aria-labelledby="h-history">
      <h2 id="h-history">{t("entry.history.heading")}</h2>
      {history.length === 0 ? <p className="muted">{t("entry.history.none")}</p> : null}
      <ul>
        {history.map((h) => (
          <li key={h.id}>
            <time className="small" dateTime={h.at}>{f.dateTime(h.at)}</time> · {h.userName ?? "—"} · <strong>{t(`entry.history.action.${h.action}`, { defaultValue: h.action })}</strong>
            {h.after ? <code className="small"> {h.after.length > 160 ? `${h.after.slice(0, 160)}…` : h.after}</code> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
