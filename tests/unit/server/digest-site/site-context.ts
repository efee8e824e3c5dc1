/** Page contexts for rendering tests: the fixture network, fixed asset versions. */
import { type PageContext, pageContextOf } from "../../../../server/digest-site/page-context.ts";
import { SITE_NETWORK } from "../../../support/digest-site-fixtures.ts";

export type ContextOptions = {
  readonly lang?: string;
  readonly acceptLanguage?: string;
  readonly base?: string;
  readonly path?: string;
  readonly params?: Readonly<Record<string, string>>;
};

export function siteContext(options: ContextOptions = {}): PageContext {
  return pageContextOf(
    SITE_NETWORK,
    { css: "css1", live: "live1" },
    {
      lang: options.lang,
      acceptLanguage: options.acceptLanguage,
      base: options.base ?? "/digest",
      current: { path: options.path ?? "", params: options.params ?? {} },
      socketPath: "/socket.io/",
    },
  );
}
