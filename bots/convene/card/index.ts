/** The convening card message. */
export type { LocalTimeLine, Place } from "./local-time-lines.ts";
export { localTimeLines } from "./local-time-lines.ts";
export type { CardContent, CardInput } from "./render-card.ts";
export { renderConveningCard } from "./render-card.ts";
