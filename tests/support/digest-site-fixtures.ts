/**
 * Digest data for the site's tests and benchmark: a network shaped like the example config,
 * and published items with realistic text (several messages of a few hundred characters, in
 * English, French and Arabic, with links), as the digest bot would publish them.
 */
import type { PublishedDigestItem, PublishedEdition } from "../../lib/digest-index/index.ts";
import type { DigestSiteNetwork } from "../../server/digest-site/digest-site-network.ts";

export const SITE_NETWORK = {
  network: {
    id: "meridian-test",
    name: "Meridian Test Network",
    defaultLanguage: "en",
    languages: ["en", "fr", "ar"],
  },
  regions: [
    {
      id: "east-africa",
      name: "East Africa",
      languages: ["en", "sw", "fr"],
      homeserver: { serverName: "matrix.ea.example.org" },
    },
    {
      id: "mena",
      name: "Middle East and North Africa",
      languages: ["ar", "fr", "en"],
      homeserver: { serverName: "matrix.mena.example.org" },
    },
    {
      id: "europe",
      name: "Europe",
      languages: ["en", "fr", "de"],
      homeserver: { serverName: "matrix.eu.example.org" },
    },
  ],
  networks: [
    {
      id: "wasl",
      name: "Women's Alliance for Security Leadership (WASL)",
      description: "Women-led civil society organisations working on peace and prevention.",
      regions: ["east-africa", "mena", "europe"],
    },
    { id: "off-ramp", name: "Off-Ramp Practitioners", regions: ["mena", "europe"] },
  ],
  routing: {
    topics: [
      {
        id: "online-recruitment",
        labels: { en: "Online recruitment", fr: "Recrutement en ligne", ar: "التجنيد عبر الإنترنت" },
      },
      {
        id: "mothers-engagement",
        labels: {
          en: "Engaging mothers and families",
          fr: "Mobiliser les mères et les familles",
          ar: "إشراك الأمهات والأسر",
        },
      },
      { id: "reintegration", labels: { en: "Reintegration", fr: "Réintégration" } },
    ],
  },
} as const satisfies DigestSiteNetwork;

/** 1 December 2026, 09:00 UTC: a Tuesday in ISO week 2026-W49. */
export const BASE_TIME = Date.UTC(2026, 11, 1, 9, 0, 0);

/** A published item; fields not given are filled in plausibly. */
export function publishedItem(
  id: string,
  fields: Partial<Omit<PublishedDigestItem, "version" | "id">> = {},
): PublishedDigestItem {
  const publishedAt = fields.publishedAt ?? BASE_TIME;
  return {
    version: 1,
    id,
    title: `Item ${id}`,
    language: "en",
    updatedAt: publishedAt,
    regions: ["east-africa"],
    topics: ["online-recruitment"],
    messages: [{ author: "Amina Yusuf", pseudonymous: false, text: `Text of ${id}.` }],
    ...fields,
    publishedAt,
  };
}

const ENGLISH = [
  "We started a weekly listening circle for mothers whose sons were approached online. The first sessions were quiet; by the fourth, people were bringing neighbours and sharing the messages their children had received. What helped most was having a counsellor and a former recruiter's sister in the room, so the conversation was about what to do next rather than blame.",
  "The municipal youth office now runs an evening helpline with two trained volunteers. Calls doubled after the radio spot in Swahili. We keep no names, only the topic of the call and the referral made, and we review the log monthly with the school counsellors.",
  "A practical note for others: the platform reports we filed were acted on faster when we grouped them by channel and attached the pattern of the recruitment messages, not screenshots of individual teenagers. See the guidance at https://example.org/guides/reporting-patterns (section 3).",
];
const FRENCH = [
  "Nous avons réuni des éducateurs, deux imams et des parents autour d’une même table pour parler de ce que les jeunes voient en ligne. Le plus utile a été d’écouter les jeunes eux-mêmes expliquer comment les recruteurs choisissent leurs mots, et pourquoi certains messages « sonnent juste ».",
  "Le programme de réintégration s’appuie désormais sur des mentors qui sont passés par là. Les familles nous disent que la présence d’un pair rassure davantage qu’un rendez-vous administratif. Le guide est ici : https://example.org/fr/guide-mentors.",
];
const ARABIC = [
  "بدأنا حلقات حوار أسبوعية للأمهات في الحي، وتحدثنا عن الرسائل التي يتلقاها الأبناء عبر الإنترنت. ساعدنا وجود مرشدة اجتماعية على تحويل النقاش من اللوم إلى خطوات عملية يمكن لكل أسرة أن تتخذها.",
  "أطلقت البلدية خطاً هاتفياً مسائياً يديره متطوعون مدرَّبون، ولا نحتفظ بأي أسماء، بل بموضوع المكالمة والإحالة فقط. تضاعف عدد المكالمات بعد الإعلان الإذاعي.",
];

/** Item `index` of a realistic edition: 2-3 messages of a few hundred characters each. */
export function realisticItem(index: number, publishedAt: number): PublishedDigestItem {
  const language = (["en", "en", "fr", "ar"] as const)[index % 4] ?? "en";
  const texts = language === "fr" ? FRENCH : language === "ar" ? ARABIC : ENGLISH;
  const count = 2 + (index % 2);
  const titles = {
    en: "Listening circles for mothers after online approaches",
    fr: "Parler en famille de ce que les jeunes voient en ligne",
    ar: "حلقات حوار للأمهات بعد رسائل التجنيد عبر الإنترنت",
  };
  return publishedItem(`item-${String(index).padStart(4, "0")}`, {
    title: `${titles[language]} (${index + 1})`,
    language,
    publishedAt,
    updatedAt: publishedAt,
    regions: [SITE_NETWORK.regions[index % 3]?.id ?? "europe"],
    topics: [SITE_NETWORK.routing.topics[index % 3]?.id ?? "reintegration"],
    messages: Array.from({ length: count }, (_, n) => ({
      author: n % 2 === 0 ? `Practitioner ${n + 1}` : "Grace Wanjiru",
      pseudonymous: n % 2 === 0,
      text: `${texts[(index + n) % texts.length] ?? ""}\n\n${texts[(index + n + 1) % texts.length] ?? ""}`,
    })),
  });
}

/** `count` realistic items an hour apart, oldest first, and an edition collecting them. */
export function realisticEdition(
  count: number,
  id = "2026-W49",
): { items: PublishedDigestItem[]; edition: PublishedEdition } {
  const items = Array.from({ length: count }, (_, index) =>
    realisticItem(index, BASE_TIME + index * 3_600_000),
  ).map((item) => ({ ...item, edition: id }));
  return {
    items,
    edition: {
      version: 1,
      id,
      closedAt: BASE_TIME + count * 3_600_000,
      items: items.map((item) => item.id),
    },
  };
}
