/** What a person is told when an answer changes their standing, in their language. */
import { type Locale, t } from "../i18n/index.ts";
import type { RsvpNotice } from "../rsvp/index.ts";

export function rsvpNoticeText(locale: Locale, notice: RsvpNotice, title: string): string {
  switch (notice.kind) {
    case "confirmed":
      return t(locale, "rsvp.confirmed", { title });
    case "waitlisted":
      return t(locale, "rsvp.waitlisted", { title, position: notice.position });
    case "promoted":
      return t(locale, "rsvp.promoted", { title });
    case "demoted":
      return t(locale, "rsvp.demoted", { title, position: notice.position });
    case "withdrew":
      return t(locale, notice.from === "going" ? "rsvp.withdrewPlace" : "rsvp.leftWaitlist", { title });
  }
}
