import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That request could not be used",
  401: "Please sign in",
  403: "Not allowed",
  404: "Not found",
  409: "Changed meanwhile",
  413: "Too large",
};

/** The one error view: every status renders its message; unexpected errors show no internals. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  let status = 500;
  let message = "Something went wrong on our side. Please try again; if it keeps happening, tell the CBC helpdesk.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data: unknown = error.data;
    if (data && typeof data === "object" && "message" in data && typeof data.message === "string") message = data.message;
    else if (typeof data === "string" && data) message = data;
    else message = error.statusText || message;
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">Error {status}</p>
      <h1 id="error-title">{TITLES[status] ?? "Something went wrong"}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Back to your frameworks</Link>
      </p>
    </section>
  );
}
