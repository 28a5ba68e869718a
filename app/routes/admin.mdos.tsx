import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { parseForm } from "~/http/form.server";
import { activateMdo, listActiveMdos, searchInactiveMdos } from "~/models/access/mdos.server";
import { openMinistries, setPublicRead } from "~/models/read-api/public-read.server";
import { requireCbcRole } from "~/http/auth.server";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { getServerT } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { inReaderLanguage } from "~/http/refusal-reply.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:mdos.title", "Ministries");

const activateForm = (t: TFunction) =>
  z.object({
  mdoId: z.uuid(t("mdos.chooseOrg")),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9-]{1,15}$/, t("mdos.codeRule")),
  parent: z.string().trim().max(16).optional(),
  intent: z.literal("activate"),
});
const publicReadForm = (t: TFunction) => z.object({ intent: z.literal("public-read"), mdoId: z.uuid(t("mdos.chooseMinistry")), open: z.enum(["1", "0"]) });
// why a default intent: the activation form predates intents, and scripts may post it without one.
const mdoForm = (t: TFunction) =>
  z.preprocess((fields) => ({ intent: "activate", ...(fields as Record<string, unknown>) }), z.discriminatedUnion("intent", [activateForm(t), publicReadForm(t)]));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCbcRole(request, ["admin"]);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const open = openMinistries();
  return json({ q, active: listActiveMdos(), matches: q.trim().length >= 2 ? searchInactiveMdos({ q }) : [], openToAll: open.all, openIds: [...open.ids] });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireCbcRole(request, ["admin"]);
  const t = await getServerT(request, "admin");
  const parsed = await parseForm(request, mdoForm(t));
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const form = parsed.data;
  switch (form.intent) {
    case "public-read": {
      if (!setPublicRead({ mdoId: form.mdoId, open: form.open === "1", actorId: admin.id })) {
        return json({ fieldErrors: { mdoId: [t("mdos.noSuchActive")] } as Record<string, string[]> }, { status: 404 });
      }
      return redirect("/admin/mdos");
    }
    case "activate": {
      const result = activateMdo({ mdoId: form.mdoId, code: form.code, parentCode: form.parent || null, actorId: admin.id });
      if (!result.ok) return json({ fieldErrors: { [result.field]: [(await inReaderLanguage(request, result)).message] } as Record<string, string[]> }, { status: 400 });
      return redirect(`/admin/mdos?activated=${encodeURIComponent(result.mdoCode)}`);
    }
  }
}

export default function AdminMdos() {
  const { q, active, matches, openToAll, openIds } = useLoaderData<typeof loader>();
  const errors: Record<string, string[] | undefined> = useActionData<typeof action>()?.fieldErrors ?? {};
  const { t } = useTranslation("admin");
  return (
    <>
      <h1>{t("mdos.heading")}</h1>
      <section className="panel" aria-labelledby="activate">
        <h2 id="activate">{t("mdos.activateHeading")}</h2>
        <p className="muted">{t("mdos.activateIntro")}</p>
        <Form method="get" className="inline-form" role="search">
          <div className="field">
            <label htmlFor="q">{t("mdos.searchList")}</label>
            <input id="q" name="q" type="search" defaultValue={q} minLength={2} />
          </div>
          <button type="submit" className="button">
            {t("mdos.search")}
          </button>
        </Form>
        {Object.values(errors).some(Boolean) ? (
          <ul className="form-error" role="alert">
            {Object.entries(errors).map(([k, v]) => (v ? <li key={k}>{v[0]}</li> : null))}
          </ul>
        ) : null}
        {q && matches.length === 0 ? <p className="empty">{t("mdos.noMatch", { q })}</p> : null}
        {matches.length ? (
          <table className="data-table">
            <caption>{t("mdos.matching")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("mdos.name")}</th>
                <th scope="col">{t("mdos.activateAs")}</th>
              </tr>
            </thead>
            <tbody>
              {matches.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="activate" />
                      <input type="hidden" name="mdoId" value={m.id} />
                      <label className="sr-only" htmlFor={`code-${m.id}`}>{t("mdos.codeFor", { name: m.name })}</label>
                      <input id={`code-${m.id}`} name="code" required placeholder={t("mdos.code")} size={8} />
                      <label className="sr-only" htmlFor={`parent-${m.id}`}>{t("mdos.parentOf", { name: m.name })}</label>
                      <select id={`parent-${m.id}`} name="parent" defaultValue="">
                        <option value="">{t("mdos.noParent")}</option>
                        {active.map((a) => (
                          <option key={a.code} value={a.code}>
                            {t("mdos.under", { code: a.code })}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button small-button">
                        {t("mdos.activate")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <table className="data-table">
        <caption>{t("mdos.activeCount", { count: active.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("mdos.code")}</th>
            <th scope="col">{t("mdos.name")}</th>
            <th scope="col">{t("mdos.parent")}</th>
            <th scope="col">{t("mdos.publicRead")}</th>
          </tr>
        </thead>
        <tbody>
          {active.map((m) => (
            <tr key={m.id}>
              <td>
                <code>{m.code}</code>
              </td>
              <td>
                <Link to={`/frameworks/${m.code}`}>{m.name}</Link>
              </td>
              <td>{m.parentName ?? "—"}</td>
              <td>{openToAll ? t("mdos.openToAll") : <PublicReadToggle mdoId={m.id} name={m.name} open={openIds.includes(m.id)} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Opens or closes a ministry's published versions to the read API and CASE binding without a token. */
function PublicReadToggle({ mdoId, name, open }: { mdoId: string; name: string; open: boolean }) {
  const { t } = useTranslation("admin");
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="public-read" />
      <input type="hidden" name="mdoId" value={mdoId} />
      <input type="hidden" name="open" value={open ? "0" : "1"} />
      <span className="muted">{open ? t("mdos.isOpen") : t("mdos.tokenOnly")}</span>
      <button type="submit" className="button small-button" aria-label={t(open ? "mdos.closeLabel" : "mdos.openLabel", { name })}>
        {open ? t("mdos.close") : t("mdos.open")}
      </button>
    </Form>
  );
}
