import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import type { StepReply } from "@schemas/replies";
import { listSubmitBlockers } from "~/models/review/queries.server";
import { requireMdoAccess } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";

export const meta: MetaFunction = () => [{ title: "Submit for review · FRAC Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mdo } = await requireMdoAccess(request, params.code, "edit");
  const blockers = listSubmitBlockers({ mdoId: mdo.id });
  if (!blockers) throw notFound(`${mdo.name} has no framework yet.`);
  return json({ mdo: { code: mdo.code, name: mdo.name }, ...blockers });
}

export default function Submit() {
  const { mdo, canSubmit, errors, warnings } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<StepReply>();
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Frameworks</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${mdo.code}`}>{mdo.code}</Link> <span aria-hidden="true">›</span>{" "}
        <span>Submit</span>
      </nav>
      <h1>Submit {mdo.name} for review</h1>
      <p>
        Submitting freezes the draft: nobody can edit or import into it until the CBC sends it back or publishes it. The technical reviewer
        checks it first, then the review board.
      </p>
      {canSubmit ? (
        <p className="findings-ok">✓ Nothing blocks submission.</p>
      ) : (
        <section className="panel" aria-labelledby="blockers">
          <h2 id="blockers">What still blocks submission ({errors.length})</h2>
          <ul className="blockers">
            {errors.map((f, i) => (
              <li key={i} className="finding finding-error">
                <span className="finding-severity">Error</span> {f.message}
              </li>
            ))}
          </ul>
          <p>
            Fix these in the <Link to={`/frameworks/${mdo.code}/edit`}>graph editor</Link>, then come back.
          </p>
        </section>
      )}
      {warnings.length ? (
        <details className="panel">
          <summary>{warnings.length} warnings (they do not block submission)</summary>
          <ul>
            {warnings.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {fetcher.data && !fetcher.data.ok ? (
        <p role="alert" className="form-error">
          {fetcher.data.message}
        </p>
      ) : null}
      <fetcher.Form method="post" action={`/frameworks/${mdo.code}/review`}>
        <input type="hidden" name="intent" value="submit" />
        <button type="submit" className="button primary" disabled={!canSubmit || fetcher.state !== "idle"}>
          Submit for review
        </button>
      </fetcher.Form>
    </>
  );
}
