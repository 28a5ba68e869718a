import { sessionStorageFor } from "~/session.server";
import { userId } from "@db/ids";

/** A GET request to the app, optionally signed in as `email` through a real session cookie. */
export async function requestAs(email: string | null, path = "/", init: RequestInit = {}): Promise<Request> {
  const url = `http://localhost${path}`;
  const headers = new Headers(init.headers);
  if (email) {
    const storage = sessionStorageFor(new Request(url));
    const session = await storage.getSession();
    session.set("userId", userId(email));
    const cookie = await storage.commitSession(session);
    headers.set("Cookie", cookie.split(";")[0]);
  }
  return new Request(url, { ...init, headers });
}

/** Runs a loader/action expecting it to throw a Response; returns that Response. */
export async function thrownResponse(run: () => unknown): Promise<Response> {
  try {
    await run();
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected a thrown Response, but the call returned normally");
}
