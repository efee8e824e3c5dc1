/**
 * The network config schema. Every object is strict, so a misspelt key is an error rather
 * than a silently ignored setting. This layer checks shapes and formats; references between
 * sections (a room naming a region, a pool naming a person) are checked afterwards by
 * `validate-references.ts`, on data already known to be well-shaped.
 */
import { z } from "zod";
import { secretRefSchema } from "./secret-ref-schema.ts";
import { parseWeeklyCron } from "./parse-weekly-schedule.ts";
import {
  clockTimeSchema,
  durationSchema,
  httpUrlSchema,
  idSchema,
  languageSchema,
  localpartSchema,
  positiveIntSchema,
  serverNameSchema,
  textSchema,
  timeZoneSchema,
  weekdaySchema,
} from "./schema-primitives.ts";

const nonEmptyList = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, { error: "expected a list with at least one entry, found an empty list" });

export const networkInfoSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  defaultLanguage: languageSchema,
  /** Languages the bots and web client are offered in. */
  languages: nonEmptyList(languageSchema),
});

export const workingHoursSchema = z
  .strictObject({
    start: clockTimeSchema,
    end: clockTimeSchema,
    days: nonEmptyList(weekdaySchema),
  })
  .superRefine((hours, ctx) => {
    // "HH:MM" strings compare in time order. Overnight shifts are not a convening window.
    if (hours.start >= hours.end) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: `working hours must end after they start, found ${hours.start}-${hours.end}`,
      });
    }
  });

export const homeserverSchema = z.strictObject({
  /** The Matrix server name (the part after ":" in user ids), e.g. "127.0.0.11:18448". */
  serverName: serverNameSchema,
  /** Base URL of the client-server API, e.g. "http://127.0.0.11:18008". */
  clientUrl: httpUrlSchema,
});

export const regionSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  /** The first zone is the region's reference zone (defaults for people, schedules). */
  timeZones: nonEmptyList(timeZoneSchema),
  languages: nonEmptyList(languageSchema),
  workingHours: workingHoursSchema,
  homeserver: homeserverSchema,
});

export const networkSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  description: z.string().optional(),
  regions: nonEmptyList(idSchema),
});

export const ROOM_KINDS = ["regional", "network", "cross-regional", "steering", "public-digest"] as const;
export const HISTORY_VISIBILITIES = ["invited", "joined", "shared", "world_readable"] as const;

const roomBase = {
  id: idSchema,
  name: textSchema,
  topic: z.string().optional(),
  encrypted: z.boolean().optional(),
  historyVisibility: z.enum(HISTORY_VISIBILITIES).optional(),
};
/** Which regions' homeservers may take part; defaults to all (network rooms: the network's). */
const roomRegions = { regions: nonEmptyList(idSchema).optional() };

export const roomSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ ...roomBase, kind: z.literal("regional"), region: idSchema }),
    z.strictObject({
      ...roomBase,
      kind: z.literal("network"),
      network: idSchema,
      homeRegion: idSchema,
      ...roomRegions,
    }),
    z.strictObject({ ...roomBase, kind: z.literal("cross-regional"), homeRegion: idSchema, ...roomRegions }),
    z.strictObject({ ...roomBase, kind: z.literal("steering"), homeRegion: idSchema, ...roomRegions }),
    z.strictObject({ ...roomBase, kind: z.literal("public-digest"), homeRegion: idSchema, ...roomRegions }),
  ])
  .superRefine((room, ctx) => {
    // Only the public digest is meant to be read by anyone; everything else carries
    // practitioners' conversations and must be end-to-end encrypted and never world-readable.
    const isPublic = room.kind === "public-digest";
    if (room.encrypted !== undefined && room.encrypted === isPublic) {
      ctx.addIssue({
        code: "custom",
        path: ["encrypted"],
        message: isPublic
          ? "the public-digest room is world-readable and must not be encrypted: expected false, found true"
          : `a ${room.kind} room must be end-to-end encrypted: expected true, found false`,
      });
    }
    const history = room.historyVisibility;
    if (history !== undefined && (history === "world_readable") !== isPublic) {
      ctx.addIssue({
        code: "custom",
        path: ["historyVisibility"],
        message: isPublic
          ? `the public-digest room must be "world_readable", found "${history}"`
          : `a ${room.kind} room must not be "world_readable": expected "joined", "invited" or "shared"`,
      });
    }
  });

export const personSchema = z.strictObject({
  id: idSchema,
  displayName: textSchema,
  /** The region whose homeserver holds the account. */
  region: idSchema,
  /** Matrix user name; defaults to the id. */
  localpart: localpartSchema.optional(),
  languages: nonEmptyList(languageSchema),
  /** Defaults to the region's first time zone. */
  timeZone: timeZoneSchema.optional(),
  networks: z.array(idSchema).optional(),
});

export const expertSchema = z.strictObject({
  person: idSchema,
  topics: nonEmptyList(idSchema),
  languages: nonEmptyList(languageSchema),
  /** Regions this expert takes requests from; all when absent. */
  regions: nonEmptyList(idSchema).optional(),
});

export const rolesSchema = z.strictObject({
  steering: nonEmptyList(idSchema),
  organisers: z.array(idSchema).default([]),
  moderators: z.array(idSchema).default([]),
  experts: z.array(expertSchema).default([]),
});

export const botSchema = z.strictObject({
  localpart: localpartSchema,
  displayName: textSchema,
  /** The region whose homeserver hosts the bot's account. */
  region: idSchema,
  password: secretRefSchema,
  /** Key for the bot's local crypto store. */
  storeKey: secretRefSchema,
  /** Commands older than this when the bot sees them (e.g. sent during a long outage) are skipped. */
  maxCommandAge: durationSchema.default(24 * 3600_000),
  /** Per-person command budget: a burst, refilled at a steady rate. */
  commandRate: z
    .strictObject({
      burst: z.number().int().min(1).max(10_000).default(20),
      perMinute: z.number().int().min(1).max(60_000).default(120),
    })
    .default({ burst: 20, perMinute: 120 }),
});

export const botsSchema = z.strictObject({
  convene: botSchema,
  route: botSchema,
  digest: botSchema,
  provisioner: botSchema.optional(),
});

const editionObjectSchema = z.strictObject({
  day: weekdaySchema,
  time: clockTimeSchema,
  timeZone: timeZoneSchema,
});

/** `{day, time, timeZone}`, or a weekly cron line read in UTC. */
export const editionSchema = z.union([
  editionObjectSchema,
  z.string().transform((value, ctx) => {
    const parsed = parseWeeklyCron(value);
    if (parsed.ok) return { ...parsed.value, timeZone: "UTC" };
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }),
]);

const regexSchema = z.string().superRefine((value, ctx) => {
  try {
    new RegExp(value, "u");
  } catch {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a valid regular expression` });
  }
});

export const redactionSchema = z.strictObject({
  /** Replace Matrix user ids ("@name:server") before anything is mirrored. */
  removeMatrixIds: z.boolean().default(true),
  removeEmailAddresses: z.boolean().default(true),
  removePhoneNumbers: z.boolean().default(true),
  /** Links can identify people or projects; off by default because digests often cite public sources. */
  removeUrls: z.boolean().default(false),
  /** Replace the display names of people in the config. */
  removePeopleNames: z.boolean().default(true),
  placeholder: z.string().default("[removed]"),
  /** Further patterns (JavaScript regular expressions, `u` flag) to remove, e.g. local place names. */
  extraPatterns: z.array(regexSchema).default([]),
});

export const digestSchema = z.strictObject({
  /** How many steering members must approve an item; at most the steering group's size. */
  approvalQuorum: positiveIntSchema.default(2),
  /** Whether one steering member can block an item outright. */
  allowVeto: z.boolean().default(true),
  /** How long people quoted in an item have to consent before it is dropped from the edition. */
  consentDeadlineHours: z.number().positive().default(72),
  /** The reaction a steering member or moderator puts on a thread's root to nominate it. */
  nominateReaction: z.string().trim().min(1).max(16).default("📰"),
  edition: editionSchema,
  redaction: redactionSchema.prefault({}),
});

export const URGENCIES = ["low", "normal", "high"] as const;

export const topicSchema = z.strictObject({
  id: idSchema,
  /** Display label per language; must include the network's default language. */
  labels: z.record(languageSchema, textSchema),
  /** Other words requesters use for the topic (any language). */
  aliases: z.array(textSchema).default([]),
});

export const poolSchema = z.strictObject({
  id: idSchema,
  experts: nonEmptyList(idSchema),
  strategy: z.enum(["least-loaded", "round-robin"]).default("least-loaded"),
});

export const ruleSchema = z.strictObject({
  /** All given criteria must match; an absent criterion matches anything. */
  match: z.strictObject({
    topics: nonEmptyList(idSchema).optional(),
    languages: nonEmptyList(languageSchema).optional(),
    regions: nonEmptyList(idSchema).optional(),
    urgency: nonEmptyList(z.enum(URGENCIES)).optional(),
  }),
  pool: idSchema,
});

const slaEntrySchema = z
  .strictObject({ acceptWithin: durationSchema, firstReplyWithin: durationSchema })
  .superRefine((sla, ctx) => {
    if (sla.firstReplyWithin < sla.acceptWithin) {
      ctx.addIssue({
        code: "custom",
        path: ["firstReplyWithin"],
        message: "the first reply cannot be due before the request must be accepted",
      });
    }
  });

export const routingSchema = z.strictObject({
  topics: nonEmptyList(topicSchema),
  pools: nonEmptyList(poolSchema),
  /**
   * Tried in order: the first matching rule's pool is offered the request first; later
   * matching rules' pools are where it escalates (bots/route/routing/routing-chain.ts).
   */
  rules: z.array(ruleSchema).default([]),
  fallback: z.strictObject({
    /** Pool for requests no rule matches, or whose pool has nobody available. */
    crossRegionalPool: idSchema.optional(),
    /** Steering-kind room where unroutable or overdue requests are raised. */
    triageRoom: idSchema,
  }),
  sla: z.strictObject({ low: slaEntrySchema, normal: slaEntrySchema, high: slaEntrySchema }),
  idle: z
    .strictObject({
      nudgeAfterDays: positiveIntSchema.default(3),
      autoCloseAfterDays: positiveIntSchema.default(7),
    })
    .superRefine((idle, ctx) => {
      if (idle.autoCloseAfterDays <= idle.nudgeAfterDays) {
        ctx.addIssue({
          code: "custom",
          path: ["autoCloseAfterDays"],
          message: `auto-close must come after the nudge: found nudge ${idle.nudgeAfterDays}d, close ${idle.autoCloseAfterDays}d`,
        });
      }
    })
    .prefault({}),
});

export const conveningSchema = z.strictObject({
  defaultDuration: durationSchema.prefault("1h"),
  /** Reminders sent this long before a convening starts. */
  reminders: z.array(durationSchema).prefault(["24h", "1h"]),
  /** How many candidate slots the convene bot proposes. */
  suggestionCount: z.int().min(1).max(10).default(3),
  locale: z
    .strictObject({
      hourCycle: z.enum(["h23", "h12"]).default("h23"),
      weekStartsOn: weekdaySchema.default("mon"),
    })
    .prefault({}),
});

const levelSchema = z.int().min(0).max(100);

/**
 * Power levels by role in the rooms the provisioner manages (0-100). Safety state always
 * needs 100, which only the provisioner holds (and the steering group in its own room).
 */
export const powerLevelsSchema = z.strictObject({
  steering: levelSchema.default(50),
  organisers: levelSchema.default(50),
  moderators: levelSchema.default(50),
  /** The convene, route and digest bots: they must be able to invite, post and set state. */
  bots: levelSchema.default(50),
});

export const hubSchema = z.strictObject({
  host: z.string().min(1).default("127.0.0.1"),
  port: z.int().min(1).max(65535).default(8080),
  /** The URL people open, when it differs from http://host:port (e.g. behind a proxy). */
  publicUrl: httpUrlSchema.optional(),
  /**
   * Trust the X-Forwarded-* headers of a reverse proxy in front of the hub, so request budgets
   * and logs see the client's address. Only behind a proxy that sets them.
   */
  trustProxy: z.boolean().default(false),
});

export const networkSecretsSchema = z.strictObject({
  /** Signs the hub's session cookies. */
  hubSessionKey: secretRefSchema.optional(),
});

/** The whole YAML file. */
export const networkConfigSchema = z.strictObject({
  /** Format version of this file, for future migrations. */
  version: z.literal(1, { error: "expected version: 1" }).default(1),
  network: networkInfoSchema,
  regions: nonEmptyList(regionSchema),
  networks: z.array(networkSchema).default([]),
  rooms: nonEmptyList(roomSchema),
  people: nonEmptyList(personSchema),
  roles: rolesSchema,
  bots: botsSchema,
  digest: digestSchema,
  routing: routingSchema,
  convening: conveningSchema.prefault({}),
  powerLevels: powerLevelsSchema.prefault({}),
  hub: hubSchema.prefault({}),
  secrets: networkSecretsSchema.prefault({}),
});

/** The file as validated by the schema, before references are checked and defaults derived. */
export type RawNetworkConfig = z.output<typeof networkConfigSchema>;
export type RawRoom = z.output<typeof roomSchema>;
