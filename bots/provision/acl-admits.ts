/**
 * Whether a server ACL admits a server, with the spec's semantics: ports are ignored, deny
 * wins over allow, `*` and `?` are globs, and IP literals are refused unless allowed. Used to
 * refuse an ACL that would shut out the provisioner or a bot before it is ever sent.
 */
import type { ServerAclContent } from "../../config/queries.ts";
import { type ServerName, aclHostOf } from "../../lib/matrix-ids.ts";

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

function matchesAny(host: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(host));
}

/** True when a room with this ACL accepts events from `server`. */
export function aclAdmits(acl: ServerAclContent, server: ServerName): boolean {
  const host = aclHostOf(server);
  if (!acl.allow_ip_literals && (IPV4.test(host) || host.startsWith("["))) return false;
  if (matchesAny(host, acl.deny)) return false;
  return matchesAny(host, acl.allow);
}
