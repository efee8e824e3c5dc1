/** Regular-expression pieces shared by the rules, written for the `u` flag. */

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** Escapes text for use inside a `u`-flag regular expression, outside a character class. */
export function escapeRegex(text: string): string {
  return text.replace(SYNTAX, "\\$&");
}

/** A Matrix server name: DNS name, IPv4 or bracketed IPv6, optional port (spec grammar). */
export const SERVER_NAME = String.raw`(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*)(?::[0-9]{1,5})?`;

// Characters that may end a link in the markup but, at the very end, are usually the
// sentence's punctuation: "see https://example.org/a." means ".../a".
const TRAILING = /[.,;:!?'"»›…)\]}>’”]$/u;

function unbalanced(link: string, close: string, open: string): boolean {
  return link.split(close).length > link.split(open).length;
}

/**
 * The length of a link found by a greedy "non-space" expression once the sentence's trailing
 * punctuation is given back, keeping a closing bracket the link itself opened
 * (`https://en.wikipedia.org/wiki/Kibera_(Nairobi)`).
 */
export function linkLength(link: string): number {
  let end = link.length;
  while (end > 0) {
    const current = link.slice(0, end);
    const last = current.at(-1) ?? "";
    if (!TRAILING.test(last)) break;
    if (last === ")" && !unbalanced(current, ")", "(")) break;
    if (last === "]" && !unbalanced(current, "]", "[")) break;
    end -= 1;
  }
  return end;
}
