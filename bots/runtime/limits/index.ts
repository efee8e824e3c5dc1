export {
  createCommandRateLimiter,
  type CommandRateLimiter,
  type CommandRateLimiterOptions,
  type TakeResult,
} from "./create-command-rate-limiter.ts";
export {
  rateLimitDelayMs,
  withHomeserverRateLimit,
  type HomeserverRateLimitOptions,
} from "./with-homeserver-rate-limit.ts";
