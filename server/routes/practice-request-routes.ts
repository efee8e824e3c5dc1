/**
 * Practice requests through the hub: `POST /api/v1/requests` (any signed-in person) passes a
 * request to the route bot, the same intake as `!request` in a room, and answers what the bot
 * said; `GET /api/v1/requests/stats` (steering group only) gives aggregates of all cases:
 * counts and timings, small counts suppressed, no content and no identities.
 *
 * The request text goes to the bot over pub/sub and is kept nowhere. Logs name a request by
 * its intake id and never by who sent it: the sender of an anonymous request must not be
 * recoverable from the hub's logs.
 */
import { randomUUID } from "node:crypto";
import { Router, type Response } from "express";
import { aggregateCases } from "../../lib/case-index/index.ts";
import type { AskRouterFailure, IntakeReply } from "../../lib/request-intake/index.ts";
import { sendBadRequest } from "../api/field-problems.ts";
import { requireSession, requireSteering, sessionOf } from "../auth/index.ts";
import { requestContext } from "../request-context.ts";
import { readRequestBody } from "../requests/read-request-body.ts";
import { readStatsQuery } from "../requests/read-stats-query.ts";
import type { HubRouteModule } from "./route-module.ts";

/** `POST /api/v1/requests`, `GET /api/v1/requests/stats`, when the hub was given both sign-in and requests. */
export const practiceRequestRoutes: HubRouteModule = {
  name: "requests",
  mountPath: "/api/v1",
  createRouter: ({ auth, requests }) => {
    const router = Router();
    if (auth === undefined || requests === undefined) return router;

    router.post("/requests", requireSession(auth), async (req, res) => {
      const body = readRequestBody(req.body);
      if (!body.ok) {
        sendBadRequest(res, body.error);
        return;
      }
      const id = randomUUID();
      const log = requestContext(res).log.child({ intakeId: id });
      const asked = await requests.ask({ id, userId: sessionOf(res).userId, ...body.value });
      if (!asked.ok) {
        log.warn({ reason: asked.error }, "practice request not answered by the router");
        // Answered here rather than thrown: the error middleware logs every 5xx as a failure
        // with a stack, and a router that is down or slow is an expected condition, logged above.
        const { status, error } = askFailureAnswer(asked.error);
        res.status(status).json({ errcode: "M_UNKNOWN", error });
        return;
      }
      log.info({ outcome: outcomeOf(asked.value) }, "practice request answered");
      sendReply(res, asked.value);
    });

    router.get("/requests/stats", requireSession(auth), requireSteering(auth), async (req, res) => {
      const query = readStatsQuery(req.query);
      if (!query.ok) {
        sendBadRequest(res, query.error);
        return;
      }
      const read = await requests.readSummaries();
      if (read.skipped.length > 0)
        requestContext(res).log.warn(
          { skipped: read.skipped.length, caseIds: read.skipped.slice(0, 20).map(({ caseId }) => caseId) },
          "unreadable case summaries left out of the statistics",
        );
      const { since } = query.value;
      const cases = since === undefined ? read.summaries : read.summaries.filter((c) => c.createdAt >= since);
      res.status(200).set("cache-control", "no-store").json(aggregateCases(cases));
    });

    return router;
  },
};

function sendReply(res: Response, reply: IntakeReply): void {
  if (reply.ok) {
    res
      .status(201)
      .json({ caseId: reply.caseId, ...(reply.handle === undefined ? {} : { handle: reply.handle }) });
  } else if ("problems" in reply) {
    res.status(422).json({
      errcode: "M_INVALID_PARAM",
      error: "The request needs changes before it can be routed",
      problems: reply.problems,
    });
  } else {
    res.status(422).json({ errcode: "M_FORBIDDEN", error: reply.refused, refused: reply.refused });
  }
}

function outcomeOf(reply: IntakeReply): "case" | "problems" | "refused" {
  if (reply.ok) return "case";
  return "problems" in reply ? "problems" : "refused";
}

function askFailureAnswer(failure: AskRouterFailure): { status: number; error: string } {
  switch (failure) {
    case "router-not-running":
      return {
        status: 503,
        error:
          "The request router is not running, so the request was not sent; nothing was kept. Please try again later.",
      };
    case "timeout":
      return {
        status: 504,
        error:
          "The request router did not answer in time; check your cases in the chat before sending it again.",
      };
    case "unreadable-reply":
      return {
        status: 502,
        error:
          "The request router's answer could not be read; check your cases in the chat before sending it again.",
      };
  }
}
