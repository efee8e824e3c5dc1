/** Les mots du routeur pour le suivi des demandes, en français (même forme que l'anglais). */
import type { Urgency } from "../../../../config/network-config.ts";
import type { CaseMessages, RequestFacts } from "./case-messages-en.ts";

const URGENCY: Readonly<Record<Urgency, string>> = { low: "faible", normal: "normale", high: "haute" };

const facts = (f: RequestFacts): string =>
  `thème ${f.topic}, langue ${f.language}, région ${f.region}, urgence ${URGENCY[f.urgency]}`;

export const fr: CaseMessages = {
  "file.filed": (p) =>
    `Votre demande ${p.caseId} est enregistrée. Je cherche la bonne personne et vous dirai quand quelqu’un la prend.`,
  "file.filedAnonymous": (p) =>
    `Votre demande ${p.caseId} est enregistrée de façon anonyme. Les experts vous voient comme « ${p.handle} ». Écrivez dans le salon « Your request ${p.caseId} » où je viens de vous inviter : j’y transmets vos messages sous ce nom, et leurs réponses. !case close la termine ; !case reveal dit aux experts qui vous êtes.`,
  "file.requesterRoomIntro": (p) =>
    `Ce salon est votre ligne privée pour la demande ${p.caseId}. Ce que vous écrivez ici parvient aux experts sous le nom « ${p.handle} » ; leurs réponses apparaissent ici. Commandes : !case close, !case reopen, !case reveal.`,
  "file.failed": () =>
    "Je n’ai pas pu enregistrer votre demande (le serveur a refusé un salon). Réessayez dans une minute.",
  "file.notPerson": () =>
    "Je ne prends que les demandes des personnes de ce réseau. Demandez à un membre du comité de pilotage de vous ajouter.",
  "file.wrongRoom": () =>
    "Je prends les demandes en message direct avec moi, ou dans votre salon régional. Rien n’a été enregistré.",
  "file.anonymousNeedsDm": () =>
    "Une demande anonyme doit m’être envoyée en message direct, pour que personne dans un salon ne voie qui la fait. Rien n’a été enregistré.",
  "file.guidedInDm": () => "Je vous ai écrit en message direct pour prendre votre demande pas à pas.",
  "file.inCaseRoom": () =>
    "Ce salon appartient à une seule demande. Commencez-en une nouvelle dans notre conversation directe.",

  "case.posted": (p) => `Demande ${p.facts.caseId} de ${p.who} (${facts(p.facts)}) :\n\n${p.text}`,
  "case.offered": (p) =>
    `${p.experts} : la demande ${p.facts.caseId} vous est proposée (${facts(p.facts)}). Merci de répondre d’ici ${p.acceptWithin} : !case accept, ou !case decline [raison]. !case note <texte> écrit une note que le demandeur ne voit jamais.`,
  "case.lapsed": (p) =>
    `${p.experts} : le délai pour prendre cette demande est passé, elle va aux experts suivants. Merci.`,
  "case.reassignedAway": (p) => `${p.experts} : cette demande a été confiée à quelqu’un d’autre.`,
  "case.closed": () => "La demande est close. Toute personne qui la suit peut la rouvrir avec !case reopen.",
  "case.reopened": () => "La demande est de nouveau ouverte.",
  "case.revealed": (p) =>
    `Le demandeur a choisi de se faire connaître : ${p.name}. Il est invité dans ce salon.`,
  "case.idleNudge": () =>
    "Rien n’a été écrit ici depuis un moment. Reste-t-il quelque chose à faire ? !case resolve la termine.",
  "case.autoClosed": () => "Cette demande a été close après un long silence. !case reopen la rouvre.",
  "case.noteKept": () => "Note gardée ici ; elle n’est pas transmise au demandeur.",
  "case.triage": (p) =>
    `La demande ${p.facts.caseId} a besoin de quelqu’un (${facts(p.facts)}) : ${p.why}.${p.passed === "" ? "" : ` Étapes passées : ${p.passed}.`} Répondez ici par !case reassign <pool ou personne> ${p.facts.caseId}.`,
  "triage.unrouted": () => "aucun expert de la chaîne n’a pu la prendre",
  "triage.overdue": () => "elle est en retard",
  "triage.reopened": () => "elle a été rouverte et son expert n’est plus là",

  "requester.accepted": (p) => `Un expert a pris votre demande ${p.caseId}.`,
  "requester.escalated": (p) =>
    `Votre demande ${p.caseId} n’a pas eu de réponse à temps : je l’ai transmise à d’autres experts.`,
  "requester.resolved": (p) =>
    `Votre demande ${p.caseId} est marquée comme résolue${p.summary === undefined ? "." : ` : ${p.summary}`} !case reopen si vous avez encore besoin d’aide, !case close pour la terminer.`,
  "requester.closedBySteering": (p) => `Votre demande ${p.caseId} a été close par le comité de pilotage.`,
  "requester.idleNudge": (p) =>
    `Votre demande ${p.caseId} est silencieuse depuis un moment. Avez-vous encore besoin d’aide ? Écrivez ici, ou !case close.`,
  "requester.autoClosed": (p) =>
    `Votre demande ${p.caseId} a été close après un long silence. !case reopen la rouvre.`,
  "requester.scrubbed": () =>
    "J’ai remplacé votre nom dans ce message par le nom de votre demande avant de le transmettre, pour préserver votre anonymat.",
  "requester.shortNames": (p) =>
    `Attention : votre message contient ${p.names}, qui pourrait vous identifier. Je l’ai transmis tel quel.`,
  "requester.writeInCaseRoom": (p) =>
    `Vous vous êtes fait connaître sur la demande ${p.caseId} : je ne transmets plus les messages. Écrivez dans son salon, « Request ${p.caseId} », où je vous ai invité.`,
  "relay.refused": () =>
    "Je ne transmets que du texte ; les fichiers et images ne sont pas relayés, pour protéger l’anonymat.",

  "command.done": (p) => `La demande ${p.caseId} est maintenant : ${p.state}.`,
  "command.notCaseRoom": () =>
    "Utilisez !case dans le salon d’une demande, ou donnez son identifiant : par ex. !case reassign europe-experts r7k2pq.",
  "command.unknownCase": (p) => `Il n’y a pas de demande ${p.caseId}.`,
  "command.notOnCase": () =>
    "Seuls les experts de cette demande, son demandeur ou le comité de pilotage peuvent faire cela.",
  "command.wrongState": (p) =>
    `« ${p.event} » n’est pas possible tant que la demande est ${p.state} (seulement quand ${p.allowed}).`,
  "command.refused": (p) => `Refusé : ${p.why}.`,
  "command.unknownTarget": (p) => `« ${p.target} » n’est ni un pool ni un expert de ce réseau.`,
  "command.revealOnlyAnonymous": () => "Seul le demandeur d’une demande anonyme peut se faire connaître.",
  "command.usage": () =>
    "Usage : !case accept | decline [raison] | note <texte> | resolve [résumé] | reassign <pool|personne> | close | reopen | reveal",
};
