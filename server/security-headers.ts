/**
 * Security headers for everything the hub serves over HTTP. The policy is strict from day one
 * because the hub will serve a public digest site later: no inline scripts, nothing embeddable,
 * no plugins, and no Referer leaking room or digest URLs to other sites.
 */
import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * Helmet with a strict Content-Security-Policy. `upgrade-insecure-requests` is only sent when the
 * hub is served over https: on a plain-http devnet it would make browsers fetch assets from an
 * https origin that does not exist.
 */
export function securityHeadersMiddleware(options: { https: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        upgradeInsecureRequests: options.https ? [] : null,
      },
    },
    referrerPolicy: { policy: "no-referrer" },
    // Only meaningful over https; browsers ignore it on plain http.
    strictTransportSecurity: options.https,
  });
}
