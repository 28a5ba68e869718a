import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { oneAtATime } from "../../../server/one-at-a-time";

const req = {} as Request;
const res = {} as Response;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("oneAtATime: requests start one per turn of the event loop, in arrival order", () => {
  it("starts nothing in the turn a request arrives, then one request per turn", async () => {
    const middleware = oneAtATime();
    const started: string[] = [];
    for (const name of ["a", "b", "c"]) middleware(req, res, (() => started.push(name)) as NextFunction);
    expect(started).toEqual([]);
    await turn();
    expect(started).toEqual(["a"]);
    await turn();
    expect(started).toEqual(["a", "b"]);
    await turn();
    expect(started).toEqual(["a", "b", "c"]);
  });

  it("keeps arrival order when requests arrive while others wait", async () => {
    const middleware = oneAtATime();
    const started: string[] = [];
    const arrive = (name: string) => middleware(req, res, (() => started.push(name)) as NextFunction);
    arrive("a");
    arrive("b");
    await turn();
    arrive("c");
    await turn();
    await turn();
    await turn();
    expect(started).toEqual(["a", "b", "c"]);
  });

  it("a request arriving after the queue ran dry starts at the next turn", async () => {
    const middleware = oneAtATime();
    const started: string[] = [];
    middleware(req, res, (() => started.push("a")) as NextFunction);
    await turn();
    await turn();
    middleware(req, res, (() => started.push("b")) as NextFunction);
    await turn();
    expect(started).toEqual(["a", "b"]);
  });

  it("lets a request it does not pick go on at once, beside the waiting ones", async () => {
    const middleware = oneAtATime((r) => r.method === "GET");
    const started: string[] = [];
    middleware({ method: "GET" } as Request, res, (() => started.push("page")) as NextFunction);
    middleware({ method: "POST" } as Request, res, (() => started.push("save")) as NextFunction);
    expect(started).toEqual(["save"]);
    await turn();
    expect(started).toEqual(["save", "page"]);
  });
});
