/** The network config: what other modules import. */
export { type ConfigIssue, DOCUMENT_PATH, formatConfigIssues } from "./config-issue.ts";
export { type LoadConfigOptions, loadConfigFile, parseConfigText } from "./load-config.ts";
export { type CheckConfigOptions, checkConfig } from "./check-config.ts";
export { type SecretSources, Secret, describeSecretRef, readSecret, resolveSecretsDir } from "./secrets.ts";
export { type SecretRefUse, listSecretRefs, redactConfigForDisplay } from "./redact-config.ts";
export {
  type RoleName,
  type ServerAclContent,
  homeserverOfRegion,
  listBots,
  peopleInRole,
  personById,
  personByUserId,
  regionOf,
  roomOf,
  serverAclForRoom,
} from "./queries.ts";
export { parseDuration } from "./parse-duration.ts";
export type * from "./network-config.ts";
