import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordSecurityEvent } from "~/models/access/accounts.server";
import { getSession, sessionStorageFor } from "~/session.server";
import { clientOf } from "~/http/client.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getSession(request);
  const userId = session.get("userId");
  const cookie = await sessionStorageFor(request).destroySession(session);
  if (typeof userId === "string") recordSecurityEvent({ event: "sign-out", userId, client: clientOf(request, context) });
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
