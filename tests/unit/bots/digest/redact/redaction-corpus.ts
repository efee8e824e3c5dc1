/**
 * The redaction corpus of issue 7: realistic sentences from the network's languages, each with
 * the exact substrings that must be removed. Negative samples list nothing: they must come
 * through whole. A few samples are known to be hard (see `hard`); they stay in the corpus so
 * the measured recall is honest.
 */
import type { Person } from "../../../../../bots/digest/redact/index.ts";

export type CorpusCategory = "phone" | "email" | "matrix" | "social" | "name" | "mixed" | "negative";

export interface CorpusSample {
  readonly id: string;
  readonly category: CorpusCategory;
  /** en, fr, ar, sw (Swahili), so (Somali), am (Amharic). */
  readonly language: string;
  readonly text: string;
  /** Every occurrence of each string must be removed, except inside a `keep` string. */
  readonly remove: readonly string[];
  /** Text that must survive although a `remove` string occurs in it ("لحسن الحظ", fortunately). */
  readonly keep?: readonly string[];
  /** Why the engine is expected to miss something here, if it is. */
  readonly hard?: string;
}

const SERVER = "prevent.example";

export const CORPUS_PEOPLE: readonly Person[] = [
  { key: "amina", names: ["Amina Yusuf"], userId: `@amina.yusuf:${SERVER}`, disposition: "pseudonym" },
  { key: "omar", names: ["Omar Hassan", "عمر حسن"], userId: `@omar:${SERVER}`, disposition: "member" },
  { key: "fatuma", names: ["Fatuma Wanjiru"], userId: `@fwanjiru:${SERVER}`, disposition: "member" },
  { key: "abdirahman", names: ["Abdirahman Farah", "عبد الرحمن فارح"], disposition: "member" },
  { key: "hiwot", names: ["Hiwot Tesfaye", "ሕይወት ተስፋዬ"], disposition: "member" },
  {
    key: "nadia",
    names: ["Nadia Benali", "نادية بن علي"],
    userId: `@nadia:${SERVER}`,
    disposition: "pseudonym",
  },
  { key: "marie", names: ["Marie-Claire Dubois"], disposition: "member" },
  { key: "khadija", names: ["Khadija El Amrani", "خديجة العمراني"], disposition: "member" },
  { key: "layla", names: ["Layla Abdallah", "ليلى عبد الله"], disposition: "excluded-author" },
  { key: "juma", names: ["Juma Mwangi"], userId: `@juma:${SERVER}`, disposition: "named" },
];

const phone = (id: string, language: string, text: string, ...remove: string[]): CorpusSample => ({
  id,
  category: "phone",
  language,
  text,
  remove,
});

const PHONES: readonly CorpusSample[] = [
  phone("ke-intl", "en", "You can reach her on +254 712 345 678 after the meeting.", "+254 712 345 678"),
  phone("ke-local", "en", "Her number is 0712 345678, call before 9.", "0712 345678"),
  phone("ke-dashes", "sw", "Piga simu 0722-123-456 kesho asubuhi.", "0722-123-456"),
  phone("ke-plain", "sw", "Namba yake ni 0712345678 au +254712345678.", "0712345678", "+254712345678"),
  phone("fr-00", "fr", "Son portable : 00 33 6 12 34 56 78, le soir seulement.", "00 33 6 12 34 56 78"),
  phone(
    "fr-local",
    "fr",
    "Appelez le 06 12 34 56 78 ou le 01.42.68.53.00.",
    "06 12 34 56 78",
    "01.42.68.53.00",
  ),
  phone("fr-trunk", "fr", "Contact : +33 (0)6 12 34 56 78 (après 18h).", "+33 (0)6 12 34 56 78"),
  phone("ae-intl", "en", "The shelter's hotline is +971-50-123-4567.", "+971-50-123-4567"),
  phone("ae-local", "en", "Call 050-123-4567 and ask for the coordinator.", "050-123-4567"),
  phone("so-intl", "so", "Lambarkiisu waa +252 61 5123456, wac galabta.", "+252 61 5123456"),
  phone("so-local", "so", "Wac 061 5123456 haddii aad u baahato caawimaad.", "061 5123456"),
  phone("uk-local", "en", "The London office is on (020) 7946 0958.", "(020) 7946 0958"),
  phone("uk-mobile", "en", "Text me at 07700 900123 or +44 7700 900123.", "07700 900123", "+44 7700 900123"),
  phone("et-intl", "am", "ስልክ ቁጥሯ +251 91 123 4567 ነው።", "+251 91 123 4567"),
  phone("et-local", "en", "In Addis call 0911 234 567 for the youth group.", "0911 234 567"),
  phone("eg-intl", "ar", "رقم هاتفه +20 10 1234 5678 للتواصل.", "+20 10 1234 5678"),
  phone("ma-intl", "fr", "Joignable au +212 6 12 34 56 78 à Casablanca.", "+212 6 12 34 56 78"),
  phone("tz-intl", "sw", "Wasiliana naye kupitia +255 754 123 456.", "+255 754 123 456"),
  phone("sa-local", "ar", "اتصل على 055 123 4567 بعد الظهر.", "055 123 4567"),
  phone("be-mobile", "fr", "Mon GSM : 0470 12 34 56.", "0470 12 34 56"),
  phone("tn-intl", "fr", "Numéro tunisien : +216 20 123 456.", "+216 20 123 456"),
  phone("lb-intl", "ar", "هاتف المكتب في بيروت +961 3 123 456", "+961 3 123 456"),
  phone("ar-indic-intl", "ar", "رقمها هو +٩٧١ ٥٠ ١٢٣ ٤٥٦٧ في دبي.", "+٩٧١ ٥٠ ١٢٣ ٤٥٦٧"),
  phone("ar-indic-local", "ar", "اتصلوا بي على ٠٥٠١٢٣٤٥٦٧ مساءً.", "٠٥٠١٢٣٤٥٦٧"),
  phone("ar-indic-spaced", "ar", "رقم الجوال: ٠٧١٢ ٣٤٥ ٦٧٨", "٠٧١٢ ٣٤٥ ٦٧٨"),
  phone("eg-indic-intl", "ar", "للتواصل: +٢٠ ١٠ ١٢٣٤ ٥٦٧٨", "+٢٠ ١٠ ١٢٣٤ ٥٦٧٨"),
  phone("fa-digits", "ar", "شماره: ۰۹۱۲ ۳۴۵ ۶۷۸۹", "۰۹۱۲ ۳۴۵ ۶۷۸۹"),
  phone("dj-intl", "fr", "À Djibouti, appelez le +253 77 12 34 56.", "+253 77 12 34 56"),
  {
    ...phone("ke-no-trunk", "en", "After +254 she said 712 345 678, the rest you know.", "712 345 678"),
    hard: "a local number without its trunk 0, grouped in threes, reads as 712 million",
  },
];

const EMAILS: readonly CorpusSample[] = [
  {
    id: "email-plain",
    category: "email",
    language: "en",
    text: "Write to amina.yusuf@gmail.com for the report.",
    remove: ["amina.yusuf@gmail.com"],
  },
  {
    id: "email-subdomain",
    category: "email",
    language: "fr",
    text: "Écrivez à n.benali@mail.asso-quartiers.fr ou à contact@ngo.example.org.",
    remove: ["n.benali@mail.asso-quartiers.fr", "contact@ngo.example.org"],
  },
  {
    id: "email-plus",
    category: "email",
    language: "en",
    text: "Use omar.hassan+prevention@example.co.ke so it gets filtered.",
    remove: ["omar.hassan+prevention@example.co.ke"],
  },
  {
    id: "email-upper",
    category: "email",
    language: "en",
    text: "HER EMAIL IS FATUMA.W@EXAMPLE.ORG, PLEASE FORWARD.",
    remove: ["FATUMA.W@EXAMPLE.ORG"],
  },
  {
    id: "email-arabic-text",
    category: "email",
    language: "ar",
    text: "راسلوني على khadija.amrani@example.ma من فضلكم.",
    remove: ["khadija.amrani@example.ma"],
  },
  {
    id: "email-disguised",
    category: "email",
    language: "en",
    text: "Reach him at abdi [at] example [dot] so if the phone fails.",
    remove: ["abdi [at] example [dot] so"],
  },
  {
    id: "email-swahili",
    category: "email",
    language: "sw",
    text: "Tuma barua pepe kwa vijana-mombasa@example.or.ke leo.",
    remove: ["vijana-mombasa@example.or.ke"],
  },
];

const MATRIX: readonly CorpusSample[] = [
  {
    id: "matrix-id",
    category: "matrix",
    language: "en",
    text: `Ask @omar:${SERVER} about the Mombasa workshop.`,
    remove: [`@omar:${SERVER}`],
  },
  {
    id: "matrix-id-port",
    category: "matrix",
    language: "fr",
    text: "Voir avec @n.benali:hs1.quartiers.example:8448 pour la salle.",
    remove: ["@n.benali:hs1.quartiers.example:8448"],
  },
  {
    id: "matrix-to",
    category: "matrix",
    language: "en",
    text: `She posted it: https://matrix.to/#/@amina.yusuf:${SERVER}?via=${SERVER}.`,
    remove: [`https://matrix.to/#/@amina.yusuf:${SERVER}?via=${SERVER}`],
  },
  {
    id: "matrix-to-encoded",
    category: "matrix",
    language: "en",
    text: `Mention: https://matrix.to/#/%40fwanjiru%3A${SERVER}`,
    remove: [`https://matrix.to/#/%40fwanjiru%3A${SERVER}`],
  },
  {
    id: "matrix-room",
    category: "matrix",
    language: "sw",
    text: `Jiunge na #vijana-pwani:${SERVER} au chumba !QzXyAbC123:${SERVER}.`,
    remove: [`#vijana-pwani:${SERVER}`, `!QzXyAbC123:${SERVER}`],
  },
  {
    id: "matrix-arabic",
    category: "matrix",
    language: "ar",
    text: `تواصلوا مع @khadija:${SERVER} بخصوص الورشة.`,
    remove: [`@khadija:${SERVER}`],
  },
  {
    id: "handle",
    category: "matrix",
    language: "en",
    text: "Thanks @hiwot_t and @abdi.farah for the notes.",
    remove: ["@hiwot_t", "@abdi.farah"],
  },
];

const SOCIAL: readonly CorpusSample[] = [
  {
    id: "facebook",
    category: "social",
    language: "en",
    text: "Her page is facebook.com/amina.yusuf.1990 if you need it.",
    remove: ["facebook.com/amina.yusuf.1990"],
  },
  {
    id: "x-twitter",
    category: "social",
    language: "fr",
    text: "Il tweete sous https://x.com/omar_h_ke et https://twitter.com/omar_h_ke/status/1790000000000000000.",
    remove: ["https://x.com/omar_h_ke", "https://twitter.com/omar_h_ke/status/1790000000000000000"],
  },
  {
    id: "instagram-tiktok",
    category: "social",
    language: "sw",
    text: "Mfuate instagram.com/fatuma.w na https://www.tiktok.com/@fatuma.w.",
    remove: ["instagram.com/fatuma.w", "https://www.tiktok.com/@fatuma.w"],
  },
  {
    id: "linkedin",
    category: "social",
    language: "en",
    text: "CV: https://www.linkedin.com/in/hiwot-tesfaye-12345/",
    remove: ["https://www.linkedin.com/in/hiwot-tesfaye-12345/"],
  },
  {
    id: "telegram-whatsapp",
    category: "social",
    language: "ar",
    text: "راسلوه على t.me/abdi_farah أو https://wa.me/252615123456",
    remove: ["t.me/abdi_farah", "https://wa.me/252615123456"],
  },
];

const name = (id: string, language: string, text: string, ...remove: string[]): CorpusSample => ({
  id,
  category: "name",
  language,
  text,
  remove,
});

const NAMES: readonly CorpusSample[] = [
  name("en-full", "en", "Amina Yusuf ran the session with the mothers' group.", "Amina Yusuf"),
  name(
    "en-first",
    "en",
    "Amina thinks the school should be involved; Yusuf is her family name.",
    "Amina",
    "Yusuf",
  ),
  name("en-possessive", "en", "It was Omar's idea to invite the imam.", "Omar"),
  name("en-lower", "en", "ask fatuma wanjiru, or just fatuma", "fatuma wanjiru", "fatuma"),
  name("en-linebreak", "en", "Signed,\nHiwot\nTesfaye", "Hiwot\nTesfaye"),
  name("fr-elision", "fr", "C'est l'avis d'Amina et de Marie-Claire Dubois.", "Amina", "Marie-Claire Dubois"),
  name("fr-hyphen", "fr", "Marie-Claire pense que Nadia Benali a raison.", "Marie-Claire", "Nadia Benali"),
  name("fr-accent", "fr", "Nadïa et Mme Dubois étaient là.", "Nadïa", "Dubois"),
  name(
    "fr-article",
    "fr",
    "Khadija El Amrani, dite El-Amrani ou Amrani, anime l'atelier.",
    "Khadija El Amrani",
    "El-Amrani",
    "Amrani",
  ),
  name("sw-full", "sw", "Fatuma Wanjiru alisema vijana wanahitaji ajira.", "Fatuma Wanjiru"),
  name("sw-title", "sw", "Bi. Fatuma na Bwana Omar walikutana na wazee.", "Fatuma", "Omar"),
  name("sw-possessive", "sw", "Wazo la Abdirahman lilikuwa zuri, asante Farah.", "Abdirahman", "Farah"),
  name(
    "so-name",
    "so",
    "Abdirahman Farah wuxuu sheegay in dhalinyaradu u baahan yihiin shaqo.",
    "Abdirahman Farah",
  ),
  name("ar-full", "ar", "قال عمر حسن إن الشباب يحتاجون إلى فرص عمل.", "عمر حسن"),
  {
    ...name("ar-clitic", "ar", "تحدثت مع عمر ولحسن الحظ وافق، وشكرت حسن.", "عمر", "حسن"),
    keep: ["لحسن الحظ"],
    hard: "the name حسن is also the word for good, here in لحسن الحظ (fortunately): over-removed",
  },
  name("ar-and", "ar", "حضرت نادية ونادية بن علي الاجتماع.", "نادية", "نادية بن علي"),
  name("ar-hamza", "ar", "قالت خديجه العمراني ان الامهات مهتمات.", "خديجه العمراني"),
  name("ar-no-article", "ar", "عمراني يعرف الحي جيداً.", "عمراني"),
  name("ar-abd", "ar", "اقترح عبد الرحمن فارح لقاءً مع الأهالي، إن شاء الله.", "عبد الرحمن فارح"),
  name("ar-excluded", "ar", "ذكرت ليلى أن الوضع تحسن بفضل الله.", "ليلى"),
  name("ar-harakat", "ar", "شكراً لِعُمَر على المساعدة.", "عُمَر"),
  name("am-full", "am", "ሕይወት ተስፋዬ ስብሰባውን መራች።", "ሕይወት ተስፋዬ"),
  name("en-excluded", "en", "Layla Abdallah disagreed, and Layla left early.", "Layla Abdallah", "Layla"),
  name("en-localpart", "en", "fwanjiru shared the slides.", "fwanjiru"),
  {
    ...name("so-spelling", "so", "Cabdiraxmaan Faarax ayaa ka hadlay.", "Cabdiraxmaan", "Faarax"),
    hard: "the Somali spelling of a name given in its English spelling",
  },
];

const MIXED: readonly CorpusSample[] = [
  {
    id: "mixed-en",
    category: "mixed",
    language: "en",
    text: "Omar (+254 712 345 678, omar.h@example.org, @omar:prevent.example) will host on 15.03.2024 at 14:30.",
    remove: ["Omar", "+254 712 345 678", "omar.h@example.org", "@omar:prevent.example"],
  },
  {
    id: "mixed-fr",
    category: "mixed",
    language: "fr",
    text: "Nadia, 06 12 34 56 78, n.benali@example.fr — réunion le 12/04 à 10h30 avec 25 parents.",
    remove: ["Nadia", "06 12 34 56 78", "n.benali@example.fr"],
  },
  {
    id: "mixed-ar",
    category: "mixed",
    language: "ar",
    text: "خديجة العمراني (+212 6 12 34 56 78) نظمت ورشة لـ 40 أمّاً في 2024.",
    remove: ["خديجة العمراني", "+212 6 12 34 56 78"],
  },
  {
    id: "mixed-sw",
    category: "mixed",
    language: "sw",
    text: "Fatuma (0722 123 456) na Juma Mwangi waliwasaidia vijana 120 mwaka 2023.",
    remove: ["Fatuma", "0722 123 456"],
  },
];

const negative = (id: string, language: string, text: string): CorpusSample => ({
  id,
  category: "negative",
  language,
  text,
  remove: [],
});

export const NEGATIVES: readonly CorpusSample[] = [
  negative("neg-dates", "en", "The workshops ran from 15.03.2024 to 2024-04-30, twice a week."),
  negative("neg-times", "fr", "Rendez-vous à 14:30, puis de 10.30-12.00 le lendemain."),
  negative("neg-years", "en", "Between 2019-2024 the network grew; in 2024 alone, 3 of 10 cities joined."),
  negative("neg-amounts", "en", "The grant was KES 1,500,000 (about USD 11 500) for 1,500 people."),
  negative("neg-thousands", "fr", "Le programme touche 1 500 000 jeunes et coûte 2.500.000 FCFA par an."),
  negative("neg-percent", "en", "Attendance rose by 45.5% to 1200 participants, room 101."),
  negative("neg-ar-numbers", "ar", "حضر ١٢٠ شخصاً في ١٥ آذار ٢٠٢٤ الساعة ١٤:٣٠، بتكلفة ١٬٥٠٠٬٠٠٠ شلن."),
  negative(
    "neg-sw-numbers",
    "sw",
    "Vijana 250 walihudhuria mkutano wa saa 3:00 asubuhi tarehe 12 Machi 2024.",
  ),
  negative("neg-named", "en", "Juma Mwangi chaired the meeting; Juma thanked the elders."),
  negative(
    "neg-public-link",
    "en",
    "The report is at https://www.unicef.org/kenya/reports/youth-2024 (PDF).",
  ),
  negative("neg-similar-names", "en", "Aminata Touré and Omari spoke about the Hassanieh project."),
  negative("neg-allah", "ar", "إن شاء الله سنلتقي، والحمد لله على السلامة."),
  negative("neg-at-sign", "en", "Meet @ 5pm at the hall; tickets 3 @ 100 KES."),
  negative("neg-hashtag", "sw", "Tumia #AmaniKwanza na #VijanaPwani kwenye mitandao."),
  negative("neg-versions", "en", "Update the app to v2.3.14; see section 4.2.1 and ISO 27001."),
  negative("neg-so", "so", "Shirku wuxuu dhacay 12-kii Maarso 2024, waxaana ka qeybgalay 85 qof."),
  negative("neg-am", "am", "ስብሰባው በ2016 ዓ.ም. ተካሄደ፤ 300 ወጣቶች ተሳትፈዋል።"),
  negative("neg-scores", "fr", "Score final 3-1, puis 10 - 12 au deuxième match."),
];

export const CORPUS: readonly CorpusSample[] = [
  ...PHONES,
  ...EMAILS,
  ...MATRIX,
  ...SOCIAL,
  ...NAMES,
  ...MIXED,
  ...NEGATIVES,
];
