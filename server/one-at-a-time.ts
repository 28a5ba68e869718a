/**
 * Pages start one per turn of the event loop, in the order they were asked for (decision 033).
 *
 * Why: since libuv 1.45 (Node 20) the server accepts one new connection per turn of the event loop
 * and relies on the next turn for the next one. A turn, though, runs every request whose bytes have
 * arrived, and a page takes tens of milliseconds to render. Under load a turn grew to the better
 * part of a second, so fifty connections opened at once were accepted over half a minute: the last
 * of them waited more than ten seconds for their first answer, while the connections already
 * accepted were answered again and again (the outline page's timeouts in the load bench, issue 17).
 * Taking requests from a queue, one per turn, keeps each turn to one request's work: new
 * connections are accepted between requests, and every request waits its turn in arrival order.
 * A lone request waits for nothing but one `setImmediate`.
 *
 * Only what renders a page waits its turn (`heavy`): a save, an API read or a file costs a few
 * milliseconds, and one start per turn would hold them to the rate of turns.
 */
import type { Request, RequestHandler } from "express";

/** The middleware, with a queue of its own (one per server); requests `heavy` does not pick go on at once. */
export function oneAtATime(heavy: (req: Request) => boolean = () => true): RequestHandler {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const startNext = () => {
    scheduled = false;
    waiting.shift()?.();
    if (waiting.length > 0) schedule();
  };
  const schedule = () => {
    scheduled = true;
    setImmediate(startNext);
  };
  return (req, _res, next) => {
    if (!heavy(req)) return next();
    waiting.push(next);
    if (!scheduled) schedule();
  };
}
