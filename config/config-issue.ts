/**
 * A problem found in a config file, and how a list of them is shown to a person: one per
 * line, file and line first so editors and terminals can jump to it.
 */

/** One problem in a config file. */
export interface ConfigIssue {
  /** The file as the caller named it. */
  readonly file: string;
  /** Key path such as `regions[1].homeserver.serverName`; `(document)` for the file as a whole. */
  readonly path: string;
  /** 1-based line of the key (or of the nearest enclosing key that exists). */
  readonly line?: number;
  /** What was expected and what was found. */
  readonly message: string;
}

/** Path used for problems with the file as a whole (unreadable, empty, YAML syntax). */
export const DOCUMENT_PATH = "(document)";

/** How many issues `formatConfigIssues` prints before summarising the rest. */
export const DEFAULT_ISSUE_LIMIT = 50;

/**
 * Formats issues one per line, e.g.
 * `network.yaml:12 regions[1].timeZones[0]: "Mars/Olympus" is not an IANA time zone`,
 * printing at most `limit` and then "… and N more": a broken file can produce hundreds of
 * issues, and the first few are the ones to fix.
 */
export function formatConfigIssues(issues: readonly ConfigIssue[], limit = DEFAULT_ISSUE_LIMIT): string {
  const lines = issues
    .slice(0, limit)
    .map(
      (issue) =>
        `${issue.file}${issue.line === undefined ? "" : `:${issue.line}`} ${issue.path}: ${issue.message}`,
    );
  if (issues.length > limit) lines.push(`… and ${issues.length - limit} more`);
  return lines.join("\n");
}
