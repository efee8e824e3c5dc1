/** Why the digest bot said no, in French (see refusal-text.ts). */
import type { Refusal } from "./refusal-text.ts";

export function refusalTextFr(refusal: Refusal): string {
  switch (refusal.kind) {
    case "wrong-state":
      return `Impossible tant que l'élément est ${refusal.state} (seulement quand il est ${refusal.allowed.join(" ou ")}).`;
    case "wrong-actor":
      return "Seuls les membres du comité de pilotage peuvent faire cela.";
    case "not-allowed-to-nominate":
      return "Merci pour la suggestion : seuls les membres du comité de pilotage et les modérateurs de cette salle peuvent proposer un fil pour le digest. Vous pouvez le leur demander.";
    case "already-nominated":
      return `Ce fil est déjà proposé comme élément ${refusal.item}.`;
    case "empty-thread":
      return "Il n'y a rien à citer dans ce fil (les messages des bots et les commandes ne sont jamais cités).";
    case "too-many-messages":
      return `Le fil compte ${refusal.count} messages ; un élément en cite au plus ${refusal.max}. Un résumé dans un nouveau fil servirait mieux les lecteurs.`;
    case "missing-language":
      return "Je n'ai pas pu déterminer dans quelle langue écrire à l'un des auteurs.";
    case "not-an-author":
      return "Aucun de vos messages n'est cité dans cet élément.";
    case "consent-final":
      return refusal.consent === "refused"
        ? "Vous avez déjà refusé pour cet élément ; vos messages ne seront pas publiés. (Une nouvelle proposition vous le redemanderait.)"
        : "Votre accord ne peut plus que se restreindre : répondez pseudonym (si vous aviez choisi named) ou retirez-vous avec !digest withdraw.";
    case "already-withdrawn":
      return "Votre accord pour cet élément est déjà retiré.";
    case "not-quoted":
      return "Ce message n'est pas cité dans l'élément.";
    case "stale-preview":
      return `Cela vise l'aperçu ${refusal.preview}, mais l'aperçu actuel est le ${refusal.current} : lisez d'abord le nouvel aperçu dans la salle du comité.`;
    case "already-approved":
      return "Vous avez déjà approuvé cet aperçu ; chaque personne compte une fois.";
    case "veto-disabled":
      return "Le veto est désactivé pour ce réseau (digest.allowVeto dans la configuration).";
    case "embargo-not-in-future":
      return "La date d'embargo doit être dans le futur.";
    case "already-in-edition":
      return `L'élément figure déjà dans l'édition ${refusal.edition}.`;
    case "stale-timer":
      return "Ce minuteur ne s'applique plus.";
    case "unknown-item":
      return `Il n'y a pas d'élément de digest ${refusal.item}.`;
    case "no-steering-room":
      return "Je ne suis pas encore dans la salle du comité de pilotage ; demandez à un administrateur de lancer le provisionnement.";
    case "publish-failed":
      return `Rien n'a été publié (${refusal.reason === "no-public-room" ? "je ne suis pas encore dans la salle publique du digest" : refusal.reason}) ; cette étape n'a donc pas été enregistrée. Réessayez dans un instant.`;
    case "matrix":
      return `Le serveur a refusé la modification (${refusal.errcode}) ; réessayez dans un instant.`;
  }
}
