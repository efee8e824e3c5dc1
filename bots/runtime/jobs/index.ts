export {
  createJobRuntime,
  queueNameFor,
  type JobConnection,
  type JobRuntime,
  type JobRuntimeOptions,
} from "./create-job-runtime.ts";
export { fromBullJobId, toBullJobId } from "./job-ids.ts";
export type {
  BackoffPolicy,
  JobContext,
  JobDefinition,
  JobDepth,
  JobHandle,
  Recurrence,
  ScheduleOptions,
  ScheduleOutcome,
} from "./job-types.ts";
export { assertIdsOnlyPayload, JobPayloadError, MAX_PAYLOAD_STRING_LENGTH } from "./payload-guard.ts";
export { PermanentJobError } from "./permanent-job-error.ts";
