/**
 * The digest site's two static files, read once when the routes are built: the stylesheet
 * and the live-update script. Each gets a short content hash, put in the URLs the pages
 * write, so browsers may keep them long and still see a new version at once.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { entityTagOf } from "../calendars/entity-tag.ts";
import type { AssetVersions } from "../digest-site/page-context.ts";

export type SiteAsset = {
  readonly body: Buffer;
  readonly contentType: string;
  readonly version: string;
  readonly etag: string;
};

export type SiteAssets = {
  /** By the file name in the URL. */
  readonly files: ReadonlyMap<string, SiteAsset>;
  readonly versions: AssetVersions;
};

const ASSETS_DIR = new URL("../digest-site/assets/", import.meta.url);

function readAsset(file: string, contentType: string): SiteAsset {
  const text = readFileSync(new URL(file, ASSETS_DIR), "utf8");
  return {
    body: Buffer.from(text, "utf8"),
    contentType,
    version: createHash("sha256").update(text).digest("base64url").slice(0, 10),
    etag: entityTagOf(text),
  };
}

/** Reads the assets from the source tree (they ship with the code, not with the data). */
export function readSiteAssets(): SiteAssets {
  const css = readAsset("site.css", "text/css; charset=utf-8");
  // The script is the common subset of TypeScript and JavaScript: served as it is.
  const live = readAsset("live-updates.ts", "text/javascript; charset=utf-8");
  return {
    files: new Map([
      ["site.css", css],
      ["live.js", live],
    ]),
    versions: { css: css.version, live: live.version },
  };
}
