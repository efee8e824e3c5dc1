/**
 * Links and handles that identify people. A profile link names a person as surely as their
 * name does, so social links go even when the config keeps ordinary links (digests often cite
 * public sources); any other link goes only when the config says so.
 */
import { type RedactionRule, type RuleMatch, matchesOf } from "./redaction-rule.ts";
import { escapeRegex, linkLength } from "./text-patterns.ts";

// Hosts where any path is a person, a group of people or a way to reach one.
const SOCIAL_HOSTS = [
  ...["facebook.com", "fb.com", "fb.me", "messenger.com", "m.me", "x.com", "twitter.com"],
  ...["instagram.com", "instagr.am", "tiktok.com", "linkedin.com", "t.me", "telegram.me", "telegram.dog"],
  ...["wa.me", "whatsapp.com", "signal.me", "youtube.com", "snapchat.com", "threads.net", "bsky.app"],
  ...["vk.com", "github.com", "reddit.com", "pinterest.com", "soundcloud.com"],
]
  .map(escapeRegex)
  .join("|");
const SOCIAL = String.raw`(?<![\p{L}\p{N}\p{M}.@/\-])(?:https?://)?(?:[a-z0-9\-]+\.)*(?:${SOCIAL_HOSTS})/[^\s<>"]*[\p{L}\p{N}@+=_~%\-][^\s<>"]*`;
// Fediverse profiles live on any server, but always under "/@name".
const FEDIVERSE = String.raw`(?<![\p{L}\p{N}\p{M}])https?://[a-z0-9.\-]+/@[\p{L}\p{N}_.]+[^\s<>"]*`;
const URL = String.raw`(?<![\p{L}\p{N}\p{M}@])(?:https?://|www\.)[^\s<>"]+`;
// Not the start of a Matrix id ("@amina:example.org"): that is the Matrix rule's, kept whole
// when the config keeps Matrix ids.
const HANDLE = String.raw`(?<![\p{L}\p{N}\p{M}_.@/\\+\-])@[\p{L}_](?:[\p{L}\p{N}\p{M}_.]*[\p{L}\p{N}\p{M}_])?(?![\p{L}\p{N}\p{M}_.]*:[A-Za-z0-9\[])`;

function trimmedLinks(expression: string, text: string): RuleMatch[] {
  return matchesOf(new RegExp(expression, "giu"), text).map(({ start, end }) => ({
    start,
    end: start + linkLength(text.slice(start, end)),
  }));
}

export const socialLinkRule: RedactionRule = {
  id: "social-link",
  kind: "social-link",
  description: "Profile links (Facebook, X, Instagram, TikTok, LinkedIn, Telegram, WhatsApp, fediverse…)",
  pattern: `${SOCIAL}|${FEDIVERSE}`,
  replacement: "placeholder",
  pass: 1,
  priority: 85,
  find: (text) => {
    const social = trimmedLinks(SOCIAL, text);
    // A TikTok or YouTube profile is "/@name" too: count it once.
    const fediverse = trimmedLinks(FEDIVERSE, text).filter(
      ({ start, end }) => !social.some((link) => link.start < end && start < link.end),
    );
    return [...social, ...fediverse].sort((a, b) => a.start - b.start);
  },
};

export const urlRule: RedactionRule = {
  id: "url",
  kind: "url",
  description: "Any link (http, https, www.)",
  pattern: URL,
  replacement: "placeholder",
  pass: 1,
  priority: 80,
  find: (text) => trimmedLinks(URL, text),
};

export const handleRule: RedactionRule = {
  id: "handle",
  kind: "handle",
  description: "@handles (mentions on Matrix or elsewhere)",
  pattern: HANDLE,
  replacement: "person-label",
  pass: 1,
  priority: 50,
  find: (text, people) =>
    matchesOf(new RegExp(HANDLE, "gu"), text).map((match) => {
      const person = people.byLocalpart(text.slice(match.start + 1, match.end));
      return person === undefined ? match : { ...match, personKey: person.key };
    }),
};
