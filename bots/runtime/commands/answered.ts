/** A service's answer (words for the person, or why not) as a command's reply. */
import type { Result } from "../../../lib/result.ts";
import { err, ok } from "../../../lib/result.ts";
import type { CommandResult } from "./command-context.ts";
import { reply } from "./reply.ts";

export function answered(answer: Result<string, string>): CommandResult {
  return answer.ok ? ok(reply`${answer.value}`) : err(reply`${answer.error}`);
}
