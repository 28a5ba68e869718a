import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BilingualName } from "~/components/bilingual-name";
import type { PositionProfile, ProfileCompetency, ProfileResource } from "@schemas/position-profile";

/**
 * A position's profile as an official reads it (and prints it): roles and activities, then every
 * competency needed with its level's indicators, then the knowledge resources. Each section is a
 * landmark with a heading; the print stylesheet (profile.css) turns it into A4 pages.
 */
export function ProfileView({ profile }: { profile: PositionProfile }) {
  const { t } = useTranslation("profiles");
  const names = new Map(profile.competencies.map((c) => [c.id, c]));
  return (
    <>
      <section className="profile-section profile-roles" aria-labelledby="profile-roles">
        <h2 id="profile-roles">{t("profile.roles", { n: profile.roles.length })}</h2>
        {profile.roles.length === 0 ? <p className="empty">{t("profile.noRoles")}</p> : null}
        {profile.roles.map((role) => (
          <article key={role.id} className="profile-role">
            <h3>
              <span className="kind kind-role">{t("common:kind.role")}</span> <BilingualName name={role.name} nameHi={role.nameHi} />
            </h3>
            {role.description ? <p>{role.description}</p> : null}
            <Needs ids={role.competencyIds} names={names} label={t("profile.roleNeeds")} />
            {role.activities.length ? (
              <ul className="profile-activities" aria-label={t("profile.activitiesOf", { role: role.name })}>
                {role.activities.map((a) => (
                  <li key={a.id}>
                    <span className="kind kind-activity">{t("common:kind.activity")}</span> <strong><BilingualName name={a.name} nameHi={a.nameHi} /></strong>
                    {a.description ? <p className="muted">{a.description}</p> : null}
                    <Needs ids={a.competencyIds} names={names} label={t("profile.activityNeeds")} />
                  </li>
                ))}
              </ul>
            ) : null}
          </article>
        ))}
      </section>

      <section className="profile-section profile-competencies" aria-labelledby="profile-competencies">
        <h2 id="profile-competencies">{t("profile.competencies", { n: profile.competencies.length })}</h2>
        <p className="muted small">{t("profile.levelRule")}</p>
        {profile.competencies.length === 0 ? <p className="empty">{t("profile.noCompetencies")}</p> : null}
        {profile.competencies.map((c) => (
          <CompetencyCard key={c.id} c={c} />
        ))}
      </section>

      <section className="profile-section profile-resources" aria-labelledby="profile-resources">
        <h2 id="profile-resources">{t("profile.resources", { n: profile.resources.length })}</h2>
        {profile.resources.length === 0 ? <p className="empty">{t("profile.noResources")}</p> : <Resources items={profile.resources} />}
      </section>
    </>
  );
}

function Needs({ ids, names, label }: { ids: string[]; names: Map<string, ProfileCompetency>; label: string }) {
  const { t } = useTranslation("profiles");
  const known = ids.map((id) => names.get(id)).filter((c): c is ProfileCompetency => Boolean(c));
  if (known.length === 0) return null;
  return (
    <p className="profile-needs small">
      {label}:{" "}
      {known.map((c, i) => (
        <span key={c.id}>
          {i > 0 ? ", " : ""}
          <a href={`#competency-${c.id}`}>
            <BilingualName name={c.name} nameHi={c.nameHi} />
          </a>
        </span>
      ))}
      <span className="sr-only"> {t("profile.seeBelow")}</span>
    </p>
  );
}

function CompetencyCard({ c }: { c: ProfileCompetency }) {
  const { t } = useTranslation("profiles");
  return (
    <article id={`competency-${c.id}`} className={`profile-competency req-${c.type.toLowerCase()}`} aria-labelledby={`competency-${c.id}-name`}>
      <h3 id={`competency-${c.id}-name`}>
        <Link to={`/dictionary/${c.id}`}>
          <BilingualName name={c.name} nameHi={c.nameHi} />
        </Link>
      </h3>
      <dl className="profile-facts">
        <div>
          <dt>{t("profile.type")}</dt>
          <dd>
            {t(`common:competencyType.${c.type}`)}
            {c.code ? ` · ${c.code}` : ""}
            {c.theme ? ` · ${c.theme}` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("profile.level")}</dt>
          <dd className="level">{t("profile.levelValue", { level: c.level, of: c.levelCount, name: c.levelName ?? "" })}</dd>
        </div>
        <div>
          <dt>{t("profile.importance")}</dt>
          <dd>{c.importance ? t(`profile.importanceValue.${c.importance}`) : t("profile.notRated")}</dd>
        </div>
        <div>
          <dt>{t("profile.neededBy")}</dt>
          <dd>{c.neededBy.join("; ")}</dd>
        </div>
      </dl>
      {c.description ? <p className="small">{c.description}</p> : null}
      <h4>{c.indicatorsAreDefault ? t("profile.descriptor", { level: c.level }) : t("profile.indicators", { level: c.level })}</h4>
      <ul className="profile-indicators">
        {c.indicators.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </article>
  );
}

function Resources({ items }: { items: ProfileResource[] }) {
  const { t } = useTranslation("profiles");
  return (
    <ul className="profile-resource-list">
      {items.map((r) => (
        <li key={r.id}>
          <span className="kind kind-resource">{r.resourceType ? t(`profile.resourceType.${r.resourceType}`) : t("common:kind.knowledge_resource")}</span>{" "}
          {r.url ? (
            <a href={r.url} rel="noopener noreferrer" target="_blank">
              <BilingualName name={r.name} nameHi={r.nameHi} />
            </a>
          ) : (
            <BilingualName name={r.name} nameHi={r.nameHi} />
          )}
          {r.url ? <span className="print-url"> ({r.url})</span> : null}
          {r.description ? <p className="muted small">{r.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}
