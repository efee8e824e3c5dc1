/**
 * Device ids of a bot. A fixed id per bot (MERIDIAN_CONVENE) keeps the bot's device list tidy
 * and recognisable; a suffixed one is used only when the fixed id is burnt, i.e. its keys are
 * on the server but the crypto store that made them is gone (a device id with a fresh store
 * cannot upload keys, and other devices would reject its changed keys).
 */
import { randomBytes } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** The bot's usual device id, e.g. `MERIDIAN_CONVENE` for bot `convene`. */
export function fixedDeviceId(botId: string): string {
  return `MERIDIAN_${botId.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
}

/** A fresh device id for the bot, e.g. `MERIDIAN_CONVENE_K3QX7A`. */
export function replacementDeviceId(botId: string): string {
  const suffix = Array.from(randomBytes(6), (byte) => BASE32[byte % 32]).join("");
  return `${fixedDeviceId(botId)}_${suffix}`;
}
