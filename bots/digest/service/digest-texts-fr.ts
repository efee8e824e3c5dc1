/** The digest bot's words in French (see digest-texts-en.ts for the shape). */
import type { ConsentChoice } from "../item/index.ts";
import type { DigestTexts } from "./digest-texts-en.ts";

const choice: Record<ConsentChoice, string> = {
  named: "publier avec mon nom",
  pseudonym: "publier sous un pseudonyme",
  refused: "ne pas publier mes messages",
};

export const fr: DigestTexts = {
  consentRequest: ({ item, room, quotes, deadline }) =>
    [
      `Un fil auquel vous avez participé (${room}) est proposé pour le digest public du réseau (élément ${item}).`,
      `Vos messages qui seraient cités, une fois retirées les données personnelles comme les numéros de téléphone et les adresses :`,
      ...quotes.map((quote) => `> ${quote.replaceAll("\n", "\n> ")}`),
      `Êtes-vous d'accord ? Répondez nom, pseudonyme ou non, ou utilisez l'une de ces commandes :`,
      `  !digest consent ${item} named : ${choice.named}`,
      `  !digest consent ${item} pseudonym : ${choice.pseudonym}`,
      `  !digest consent ${item} no : ${choice.refused}`,
      `Sans réponse avant le ${deadline}, c'est non. Vous pouvez vous retirer à tout moment, même après publication : !digest withdraw ${item}`,
    ].join("\n"),
  consentRecorded: (item, chosen) =>
    chosen === "refused"
      ? `Entendu : vos messages ne seront pas publiés dans l'élément ${item}.`
      : `Merci : enregistré pour l'élément ${item} : ${choice[chosen]}. Vous pouvez vous retirer à tout moment avec !digest withdraw ${item}.`,
  whichItem: (items) =>
    `On vous a demandé votre accord pour ${items.length} éléments (${items.join(", ")}) : répondez avec la commande de celui que vous visez, par exemple !digest consent ${items[0] ?? ""} named.`,
  withdrawn: (item) =>
    `Votre accord pour l'élément ${item} est retiré : vos messages quittent toutes les pages publiques d'ici une minute.`,
  nominated: (item, authors, deadline) =>
    `Proposé comme élément ${item}. J'ai demandé l'accord de ${authors} auteur(s) ; l'échéance est le ${deadline}. L'aperçu arrivera dans la salle du comité de pilotage après leurs réponses.`,
  preview: ({ item, preview, room, text, quorum, left, topics }) =>
    [
      `Aperçu du digest : élément ${item}, aperçu ${preview} (de ${room}${topics.length > 0 ? ` ; thèmes : ${topics.join(", ")}` : ""}).`,
      `Voici exactement ce qui serait publié ; chaque remplacement est marqué ⟦ainsi⟧ :`,
      "",
      text,
      "",
      `Approuver : réagissez ✅ ou envoyez !digest approve ${item} ${preview}. Opposer un veto : réagissez ❌ ou envoyez !digest veto ${item} ${preview}.`,
      `${quorum} approbation(s) nécessaire(s) ; encore ${left}.`,
    ].join("\n"),
  steering: (item, notice, url) => {
    switch (notice) {
      case "preview-voided":
        return `Élément ${item} : ce qui serait publié a changé (une modification ou un accord) ; les approbations précédentes ne comptent plus. Un nouvel aperçu suit.`;
      case "redaction-unclean":
        return `Élément ${item} : la vérification trouve encore des données personnelles ; il est à nouveau caviardé avant toute approbation.`;
      case "embargoed":
        return `L'élément ${item} est approuvé et retenu jusqu'à sa date d'embargo.`;
      case "published":
        return `L'élément ${item} est publié : ${url}`;
      case "taken-down":
        return `L'élément ${item} a été retiré de toutes les pages publiques.`;
      case "vetoed":
        return `L'élément ${item} a reçu un veto et ne sera pas publié.`;
      case "dropped":
        return `L'élément ${item} est abandonné : il ne reste rien à publier.`;
      case "withdrawn":
        return `L'élément ${item} a été retiré par ses auteurs.`;
      case "unpublished":
        return `L'élément ${item} a été dépublié par le comité de pilotage.`;
    }
  },
  author: (item, notice, url) => {
    switch (notice) {
      case "published":
        return `L'élément ${item}, qui vous cite, est publié : ${url}. Retirez-vous à tout moment avec !digest withdraw ${item}.`;
      case "taken-down":
        return `L'élément ${item}, qui vous cite, a été retiré des pages publiques.`;
      case "not-published":
        return `L'élément ${item}, qui vous aurait cité, ne sera pas publié.`;
    }
  },
  nominator: (item, notice, url) => {
    switch (notice) {
      case "no-consent":
        return `L'élément ${item} ne sera pas publié : aucun auteur n'a donné son accord à temps.`;
      case "published":
        return `L'élément ${item}, que vous avez proposé, est publié : ${url}`;
      case "vetoed":
        return `L'élément ${item}, que vous avez proposé, a reçu un veto du comité de pilotage.`;
      case "dropped":
        return `L'élément ${item}, que vous avez proposé, est abandonné : il ne restait rien à publier.`;
    }
  },
  approved: (item, preview, approvals, quorum) =>
    approvals >= quorum
      ? `Aperçu ${preview} de l'élément ${item} approuvé (${approvals} sur ${quorum}).`
      : `Aperçu ${preview} de l'élément ${item} approuvé : ${approvals} sur ${quorum} ; encore ${quorum - approvals}.`,
  vetoed: (item, preview) => `Veto sur l'aperçu ${preview} de l'élément ${item} : il ne sera pas publié.`,
  choiceWords: choice,
};
