/**
 * Calendar feeds: `GET /calendars/<token>.ics` (HEAD too) answers the feed the token opens:
 * one convening, a region's convenings, or a person's with their own standing. The token is
 * a capability URL (see lib/convening-index/feed-token.ts): an unknown, revoked or rotated
 * token gets the hub's plain 404, the very one an unknown path gets, and logs name a token
 * only by a short hash.
 *
 * Feeds may be cached privately for five minutes (calendar clients poll far less often);
 * conditional requests are answered 304 from a strong ETag of the body.
 */
import { Router } from "express";
import { feedTokenTag, resolveFeedToken } from "../../lib/convening-index/index.ts";
import { entityTagOf, ifNoneMatchHits } from "../calendars/entity-tag.ts";
import { redactFeedPath, tokenOfFeedFile } from "../calendars/feed-path.ts";
import { renderSubjectFeed } from "../calendars/render-subject-feed.ts";
import { notFoundError } from "../error-middleware.ts";
import { requestContext } from "../request-context.ts";
import type { HubRouteModule } from "./route-module.ts";

const FEED_HEADERS = {
  "content-type": "text/calendar; charset=utf-8",
  "cache-control": "private, max-age=300",
  // A feed URL pasted somewhere public must not end up in a search index.
  "x-robots-tag": "noindex, nofollow",
};

/** `GET /calendars/:file`, when the hub has a convening index to read. */
export const calendarRoutes: HubRouteModule = {
  name: "calendars",
  mountPath: "/",
  createRouter: ({ calendars }) => {
    const router = Router();

    // Before any route matches, so even a request no route answers (a POST, a bad name)
    // is logged without its token.
    router.use("/calendars", (req, res, next) => {
      requestContext(res).logPath = redactFeedPath(req.path);
      next();
    });

    if (calendars === undefined) return router;

    router.get("/calendars/:file", async (req, res) => {
      const token = tokenOfFeedFile(req.params.file);
      if (token === undefined) throw notFoundError();
      const log = requestContext(res).log.child({ feed: feedTokenTag(token) });
      const subject = await resolveFeedToken(calendars.redis, calendars.keys, token);
      if (subject === undefined) throw notFoundError();
      const feed = await renderSubjectFeed(calendars, subject);
      if (!feed.ok) {
        log.warn({ subject: subject.kind, reason: feed.error }, "feed token opens nothing to serve");
        throw notFoundError();
      }
      if (feed.value.skipped.length > 0)
        log.warn({ subject: subject.kind, skipped: feed.value.skipped }, "convenings left out of a feed");
      const tag = entityTagOf(feed.value.ics);
      res.set(FEED_HEADERS).set("etag", tag);
      if (ifNoneMatchHits(req.get("if-none-match"), tag)) {
        res.status(304).end();
        return;
      }
      res.status(200).send(feed.value.ics);
    });

    return router;
  },
};
