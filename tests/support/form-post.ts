/** Calling a route's action or loader as a signed-in user, with a thrown Response returned rather than thrown. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requestAs } from "./request";

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => unknown;

async function settle(run: () => unknown): Promise<Response> {
  try {
    return (await run()) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

/** POSTs `body` as a form to `handler` at `path` as `email`. */
export async function postForm(handler: Handler, email: string, path: string, body: Record<string, string>, params: Record<string, string> = {}) {
  const request = await requestAs(email, path, { method: "POST", body: new URLSearchParams(body) });
  return settle(() => handler({ request, params, context: {} }));
}

/** GETs `path` through `handler` as `email`. */
export async function getAs(handler: Handler, email: string, path: string, params: Record<string, string> = {}) {
  const request = await requestAs(email, path);
  return settle(() => handler({ request, params, context: {} }));
}
