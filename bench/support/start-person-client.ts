/**
 * A person's client for benchmarks that receive many messages in one room at once: as
 * tests/support/matrix-test-client.ts's `startTestClient` (password login, Rust crypto in
 * memory), but syncing with a timeline limit of 100. With Synapse's default of 10, a burst of
 * more than 10 messages between two syncs comes back "limited" and the client never sees the
 * older ones, which would count as missing although they were delivered.
 */
import { createClient, Filter, type MatrixClient } from "matrix-js-sdk";
import { waitForFirstSync } from "../../bots/runtime/wait-for-first-sync.ts";
import { createLogger } from "../../lib/logger.ts";
import { quietSdkGlobalLogger, sdkLoggerFor } from "../../lib/sdk-logger.ts";

const TIMELINE_LIMIT = 100;

export async function startPersonClient(options: {
  baseUrl: string;
  userId: string;
  password: string;
}): Promise<MatrixClient> {
  quietSdkGlobalLogger();
  const log = createLogger({ name: "bench-person", level: process.env["LOG_LEVEL"] ?? "error" });
  const bootstrap = createClient({ baseUrl: options.baseUrl });
  const login = await bootstrap.loginRequest({
    type: "m.login.password",
    identifier: { type: "m.id.user", user: options.userId },
    password: options.password,
  });
  bootstrap.stopClient();
  const client = createClient({
    logger: sdkLoggerFor(log, options.userId),
    baseUrl: options.baseUrl,
    userId: login.user_id,
    deviceId: login.device_id,
    accessToken: login.access_token,
  });
  await client.initRustCrypto({ useIndexedDB: false });
  const filter = new Filter(login.user_id);
  filter.setTimelineLimit(TIMELINE_LIMIT);
  await client.startClient({ filter, initialSyncLimit: 20 });
  const synced = await waitForFirstSync(client, 60_000);
  if (!synced.ok) throw new Error(`${options.userId}: ${synced.error}`);
  return client;
}
