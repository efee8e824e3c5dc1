/** The `code` of a Node system error (e.g. "ENOENT"), or "unknown" for anything else. */
export function errnoCode(cause: unknown): string {
  return cause instanceof Error && "code" in cause && typeof cause.code === "string" ? cause.code : "unknown";
}
