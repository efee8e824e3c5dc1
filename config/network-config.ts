/**
 * The loaded network config: what every other module reads. It is the validated YAML with
 * references checked, defaults filled in and derived values (Matrix user ids, room regions)
 * computed once, so consumers never re-derive them differently. Durations are milliseconds.
 * Secrets appear only as references; read them with `readSecret`.
 */
import type { ServerName, UserId } from "../lib/matrix-ids.ts";
import type { SecretRef } from "./secret-ref-schema.ts";
import type { Weekday } from "./schema-primitives.ts";
import type { HISTORY_VISIBILITIES, ROOM_KINDS, URGENCIES } from "./schema.ts";

export type { SecretRef } from "./secret-ref-schema.ts";
export type { Weekday } from "./schema-primitives.ts";
export type RoomKind = (typeof ROOM_KINDS)[number];
export type HistoryVisibility = (typeof HISTORY_VISIBILITIES)[number];
export type Urgency = (typeof URGENCIES)[number];

export interface NetworkInfo {
  readonly id: string;
  readonly name: string;
  readonly defaultLanguage: string;
  readonly languages: readonly string[];
}

export interface Homeserver {
  readonly serverName: ServerName;
  /** Client-server API base URL, no trailing slash. */
  readonly clientUrl: string;
}

export interface WorkingHours {
  readonly start: string;
  readonly end: string;
  readonly days: readonly Weekday[];
}

export interface RegionConfig {
  readonly id: string;
  readonly name: string;
  /** IANA zones; the first is the region's reference zone. */
  readonly timeZones: readonly string[];
  readonly languages: readonly string[];
  readonly workingHours: WorkingHours;
  readonly homeserver: Homeserver;
}

export interface NetworkGroupConfig {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly regions: readonly string[];
}

interface RoomCommon {
  readonly id: string;
  readonly name: string;
  readonly topic?: string;
  /** Region whose homeserver creates and hosts the room (for regional rooms: its region). */
  readonly homeRegion: string;
  /** Regions whose homeservers may take part (regional rooms: just their region). */
  readonly regions: readonly string[];
  /** True for every kind except public-digest. */
  readonly encrypted: boolean;
  readonly historyVisibility: HistoryVisibility;
}

export type RoomConfig =
  | (RoomCommon & { readonly kind: "regional"; readonly region: string })
  | (RoomCommon & { readonly kind: "network"; readonly network: string })
  | (RoomCommon & { readonly kind: "cross-regional" | "steering" | "public-digest" });

export interface PersonConfig {
  readonly id: string;
  readonly displayName: string;
  readonly region: string;
  readonly localpart: string;
  /** `@localpart:<region's server name>`. */
  readonly userId: UserId;
  readonly languages: readonly string[];
  /** The person's zone, else their region's first zone. */
  readonly timeZone: string;
  readonly networks: readonly string[];
}

export interface ExpertConfig {
  readonly person: string;
  readonly topics: readonly string[];
  readonly languages: readonly string[];
  /** Regions served; absent means all. */
  readonly regions?: readonly string[];
}

export interface RolesConfig {
  readonly steering: readonly string[];
  readonly organisers: readonly string[];
  readonly moderators: readonly string[];
  readonly experts: readonly ExpertConfig[];
}

export type BotName = "convene" | "route" | "digest" | "provisioner";

export interface BotConfig {
  readonly localpart: string;
  readonly displayName: string;
  readonly region: string;
  /** `@localpart:<region's server name>`. */
  readonly userId: UserId;
  readonly password: SecretRef;
  readonly storeKey: SecretRef;
  /** Milliseconds; older commands are skipped with a log line. */
  readonly maxCommandAge: number;
  readonly commandRate: { readonly burst: number; readonly perMinute: number };
}

export interface BotsConfig {
  readonly convene: BotConfig;
  readonly route: BotConfig;
  readonly digest: BotConfig;
  readonly provisioner?: BotConfig;
}

export interface DigestEdition {
  readonly day: Weekday;
  readonly time: string;
  readonly timeZone: string;
}

export interface RedactionConfig {
  readonly removeMatrixIds: boolean;
  readonly removeEmailAddresses: boolean;
  readonly removePhoneNumbers: boolean;
  readonly removeUrls: boolean;
  readonly removePeopleNames: boolean;
  readonly placeholder: string;
  readonly extraPatterns: readonly string[];
}

export interface DigestConfig {
  readonly approvalQuorum: number;
  readonly allowVeto: boolean;
  readonly consentDeadlineHours: number;
  readonly nominateReaction: string;
  readonly edition: DigestEdition;
  readonly redaction: RedactionConfig;
}

export interface TopicConfig {
  readonly id: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly aliases: readonly string[];
}

export interface PoolConfig {
  readonly id: string;
  readonly experts: readonly string[];
  readonly strategy: "least-loaded" | "round-robin";
}

export interface RoutingRule {
  readonly match: {
    readonly topics?: readonly string[];
    readonly languages?: readonly string[];
    readonly regions?: readonly string[];
    readonly urgency?: readonly Urgency[];
  };
  readonly pool: string;
}

export interface SlaTargets {
  /** Milliseconds. */
  readonly acceptWithin: number;
  /** Milliseconds. */
  readonly firstReplyWithin: number;
}

export interface RoutingConfig {
  readonly topics: readonly TopicConfig[];
  readonly pools: readonly PoolConfig[];
  readonly rules: readonly RoutingRule[];
  readonly fallback: { readonly crossRegionalPool?: string; readonly triageRoom: string };
  readonly sla: Readonly<Record<Urgency, SlaTargets>>;
  readonly idle: { readonly nudgeAfterDays: number; readonly autoCloseAfterDays: number };
}

export interface ConveningConfig {
  /** Milliseconds. */
  readonly defaultDuration: number;
  /** Milliseconds before the start, largest first. */
  readonly reminders: readonly number[];
  readonly suggestionCount: number;
  readonly locale: { readonly hourCycle: "h23" | "h12"; readonly weekStartsOn: Weekday };
}

/** Power levels by role in managed rooms (see `powerLevelsSchema`). */
export interface PowerLevelsConfig {
  readonly steering: number;
  readonly organisers: number;
  readonly moderators: number;
  readonly bots: number;
}

export interface HubConfig {
  readonly host: string;
  readonly port: number;
  /**
   * The URL people open, no trailing slash. Absent: derive it from the address the hub
   * actually listens on (which may differ from `port` when a test asks for a free port).
   */
  readonly publicUrl?: string;
  /** Trust X-Forwarded-* from a reverse proxy (request budgets and logs see the client). */
  readonly trustProxy: boolean;
}

export interface NetworkSecretsConfig {
  readonly hubSessionKey?: SecretRef;
}

/** The whole loaded config. */
export interface NetworkConfig {
  readonly version: 1;
  readonly network: NetworkInfo;
  readonly regions: readonly RegionConfig[];
  readonly networks: readonly NetworkGroupConfig[];
  readonly rooms: readonly RoomConfig[];
  readonly people: readonly PersonConfig[];
  readonly roles: RolesConfig;
  readonly bots: BotsConfig;
  readonly digest: DigestConfig;
  readonly routing: RoutingConfig;
  readonly convening: ConveningConfig;
  readonly powerLevels: PowerLevelsConfig;
  readonly hub: HubConfig;
  readonly secrets: NetworkSecretsConfig;
}
