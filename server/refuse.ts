import type { Response } from "express";

/** Answers a request the server will not pass to the app: a status and a one-line message, never cached. */
export function refuse(res: Response, status: number, message: string, headers: Record<string, string> = {}): void {
  res.status(status).set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers }).send(message + "\n");
}
