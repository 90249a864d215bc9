# ruff: noqa: E501  (one sentence per line reads better than wrapped prose)
"""French: the parcel topics of a web shop's customer service (the merchants of a European
shipping platform such as Sendcloud, and their customers). "Vous", as French shops write; a space
before "?" and ":" as French e-mail writers type it."""

from __future__ import annotations

from types import MappingProxyType

from mockdesk.core.conversations.bank import CommonText, LanguageText, Scenario, TopicText
from mockdesk.core.conversations.model import Topic


def _after_greeting(sentence: str) -> str:
    """Lower-case an opening function word, elided ones included: "Bonjour, j'ai…", "Bonjour,
    mon colis…", but "Bonjour, Colissimo…"."""
    word = sentence.split(" ", 1)[0]
    if word[:2] in ("J'", "L'", "D'") or word in ("Mon", "Ma", "Mes", "Le", "La", "Les", "Il", "Je",
                                                   "Selon", "Comment", "Puis-je", "Cela", "Un",
                                                   "Une", "Au", "Votre", "Vous"):  # fmt: skip
        return sentence[0].lower() + sentence[1:]
    return sentence


# fmt: off
COMMON = CommonText(
    rtl=False,
    system_name="Service client",
    after_greeting=_after_greeting,
    customer_greetings=("Bonjour,", "Bonjour à vous,", "Madame, Monsieur,", "Bonjour le service client,"),
    customer_pleas=(
        "Pourriez-vous regarder cela ?",
        "Pouvez-vous m'aider ?",
        "Merci de me dire comment procéder.",
        "Merci d'avance pour votre aide.",
        "J'apprécierais une réponse rapide.",
        "Quelles sont les solutions possibles ?",
    ),
    customer_signoffs=("Cordialement,\n{customer}", "Merci,\n{first}", "Bien à vous,\n{customer}", "Bonne journée,\n{first}", "Merci d'avance,\n{customer}"),
    anonymous_signoffs=("Cordialement", "Merci", "Bien à vous"),
    to_agent_greetings=("Bonjour {agent_first},", "Bonjour,", "Re-bonjour,"),
    agent_greetings=("Bonjour {customer},", "Bonjour {first},", "Chère cliente, cher client,"),
    anonymous_agent_greetings=("Bonjour,", "Madame, Monsieur,", "Bonjour à vous,"),
    first_openers=(
        "Merci pour votre message.",
        "Merci de nous avoir contactés, et désolé pour ce désagrément.",
        "Je suis désolé d'apprendre cela, je vais vous aider.",
        "Merci pour ces explications détaillées.",
        "J'ai pris en charge votre demande.",
    ),
    ask_openers=("Merci pour ces informations.", "Merci, cela nous aide.", "Parfait, merci !", "Merci pour votre retour."),
    progress_openers=("Merci pour votre patience.", "Petit point d'étape :", "Merci de patienter encore un peu."),
    resolve_openers=("Bonne nouvelle !", "Merci pour votre patience.", "J'ai du nouveau pour vous."),
    agent_signoffs=("Cordialement,\n{agent}", "Bien à vous,\n{agent}", "Belle journée,\n{agent}", "Bien cordialement,\n{agent}"),
    addenda=("Encore une chose :", "J'ai oublié de préciser :", "Petite précision :", "PS :"),
    nudges=(
        "Avez-vous du nouveau ?",
        "Bonjour, y a-t-il une mise à jour ?",
        "Quelqu'un a-t-il pu regarder ma demande ?",
        "Cela fait plusieurs jours maintenant. Pourriez-vous me donner des nouvelles ?",
        "J'attends toujours une réponse.",
    ),
    stills=(
        "Merci, mais malheureusement le problème persiste.",
        "J'ai essayé, mais cela ne fonctionne toujours pas.",
        "Cela a fonctionné un jour, mais le problème est revenu.",
        "Malheureusement, toujours la même chose.",
    ),
    thanks=(
        "Super, merci !",
        "Parfait, merci pour votre aide !",
        "Tout est réglé. Merci beaucoup.",
        "Merci pour votre aide !",
        "Génial, merci infiniment.",
        "Bien reçu, merci. Vous pouvez clôturer la demande.",
    ),
    reminders=(
        "Je me permets de revenir vers vous : avez-vous pu consulter ma question précédente ? Nous avons besoin de ces informations pour avancer.",
        "Petit rappel : nous attendons toujours votre réponse. Pourriez-vous revenir vers nous quand vous aurez un moment ?",
        "Nous n'avons pas encore eu de nouvelles de votre part. Le problème est-il toujours d'actualité ?",
    ),
    close_no_reply=(
        "Sans réponse de votre part, je clôture cette demande pour le moment. Il vous suffit de répondre à ce message si vous avez encore besoin d'aide, et elle sera rouverte.",
        "Je clôture cette demande faute de réponse. Si le problème revient, répondez simplement à cet e-mail et nous reprendrons le dossier.",
    ),
    work_notes=(
        "Historique client vérifié, rien d'anormal.",
        "Demandé à un collègue du niveau 2 de regarder. Réf. {code}.",
        "Client ayant déjà eu un problème similaire, à traiter en priorité.",
        "En attente du transporteur. Relancer demain si rien n'arrive.",
        "Enregistré sous {code} dans l'outil de suivi interne.",
    ),
    closing_notes=(
        "Résolu, clôture.",
        "Résolu au premier contact, pas de suivi nécessaire.",
        "Cause documentée dans {code}.",
        "Solution envoyée, rien d'autre à faire.",
    ),
    acknowledgements=(
        "Merci pour votre message ! Nous avons bien reçu votre demande et reviendrons vers vous dès que possible, généralement sous un jour ouvré.",
        "Ceci est une confirmation automatique : votre demande a bien été enregistrée et un conseiller vous répondra sous peu.",
        "Nous avons bien reçu votre message ! Les demandes sont traitées dans leur ordre d'arrivée.",
    ),
    solved_notices=("{agent} a marqué cette demande comme résolue.", "Statut passé à Résolu par {agent}."),
    closed_notices=(
        "Cette demande a été clôturée automatiquement faute de réponse. Répondez pour ouvrir une nouvelle demande.",
        "Cette demande a été clôturée. Si vous avez encore besoin d'aide, répondez simplement et nous la rouvrirons.",
        "Demande clôturée.",
    ),
)

TOPICS = MappingProxyType(
    {
        Topic.SHIPPING_DELAY: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Où en est ma commande {order} ?", "Commande {order} toujours pas livrée", "Colis bloqué depuis {days} jours", "Retard de livraison : suivi {carrier} bloqué"),
                    problems=(
                        "J'ai commandé le {date} (commande {order}) et je n'ai toujours rien reçu.",
                        "Mon colis {carrier} est indiqué « en cours d'acheminement » depuis {days} jours.",
                        "La date de livraison prévue pour la commande {order} est dépassée et rien n'est arrivé.",
                    ),
                ),
            ),
            details=(
                "Le numéro de suivi est {tracking} et le dernier scan indique que le colis a quitté le centre de tri.",
                "Le suivi {tracking} n'a pas bougé depuis le {date}.",
                "J'en ai besoin pour ce week-end, le délai est donc important.",
            ),
            asks=(
                ("Pourriez-vous me confirmer l'adresse de livraison de la commande, numéro de rue compris ?", ("Oui, l'adresse est correcte : {address}.", "Ce devrait être {address}, c'est ce que j'ai saisi.")),
                ("Avez-vous un numéro de téléphone où {carrier} peut vous joindre si le livreur ne trouve pas l'adresse ?", ("Oui, le {phone}.", "Vous pouvez utiliser le {phone}, je suis joignable toute la journée.")),
            ),
            progress=(
                "J'ai ouvert une enquête auprès de {carrier} pour le numéro de suivi {tracking}. Ils répondent généralement sous deux jours ouvrés, et je reviens vers vous dès que j'ai leur retour.",
                "J'ai demandé à {carrier} de localiser le colis et de prioriser la livraison. Je suis le dossier de près.",
            ),
            resolutions=(
                "{carrier} a retrouvé le colis : il avait été envoyé au mauvais dépôt. Il est de nouveau en route et devrait arriver sous deux jours ouvrés. Vous pouvez le suivre avec le numéro {tracking}.",
                "Le transporteur a confirmé une nouvelle date de livraison et le suivi {tracking} bouge à nouveau. S'il n'est pas arrivé d'ici la fin de la semaine, répondez-nous et nous vous enverrons gratuitement un remplacement.",
            ),
        ),
        Topic.LOST_PARCEL: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Colis perdu : commande {order}", "Aucun mouvement sur le suivi {tracking}", "Envoi perdu chez {carrier}"),
                    problems=(
                        "Je pense que mon colis est perdu. La commande {order} a été expédiée le {date} avec {carrier} et le suivi n'a pas changé depuis.",
                        "{carrier} m'indique ne pas retrouver mon colis ({tracking}).",
                        "Le suivi de {tracking} indique seulement « colis pris en charge », {days} jours plus tard.",
                    ),
                ),
            ),
            details=(
                "La commande contenait l'article « {product} », d'une valeur de {amount}.",
                "J'ai déjà appelé {carrier}, qui m'a renvoyé vers l'expéditeur.",
                "C'était un cadeau, j'aimerais donc régler cela rapidement.",
            ),
            asks=(
                ("Pourriez-vous décrire le contenu et l'emballage (taille du carton, couleur, autocollants) pour que nous puissions l'ajouter à la réclamation ?", ("Un carton marron d'environ 30 sur 20 cm, avec « {product} » à l'intérieur. Rien de particulier à l'extérieur.", "Un carton simple avec votre logo sur le ruban adhésif. À l'intérieur : « {product} ».")),
                ("Pouvez-vous confirmer que vous n'avez reçu entre-temps aucun avis de passage ni message de {carrier} ?", ("Je confirme : pas d'avis, pas d'e-mail, pas de SMS de {carrier}.", "Rien du tout, j'ai vérifié ma boîte aux lettres et mes spams.")),
            ),
            progress=(
                "Nous avons déposé une réclamation pour colis perdu auprès de {carrier} sous la référence {code}. Les transporteurs ont besoin de plusieurs jours ouvrés pour rechercher un colis avant de le déclarer perdu.",
                "La réclamation est maintenant chez {carrier}. Je vous tiens au courant dès qu'ils reviennent vers nous.",
            ),
            resolutions=(
                "{carrier} a déclaré le colis perdu. Nous vous avons envoyé aujourd'hui un remplacement sans frais, numéro de suivi {tracking}.",
                "La réclamation a été acceptée et nous vous avons remboursé {amount} sur votre moyen de paiement d'origine. Le remboursement peut mettre 3 à 5 jours ouvrés à apparaître.",
            ),
        ),
        Topic.DELIVERED_NOT_RECEIVED: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Indiqué livré mais non reçu", "Commande {order} livrée selon le suivi, mais rien reçu", "Colis {tracking} non reçu"),
                    problems=(
                        "D'après le suivi, mon colis a été livré le {date}, mais je ne l'ai jamais reçu.",
                        "Selon {carrier}, la commande {order} a été livrée hier. Il n'y avait rien devant ma porte ni dans ma boîte aux lettres.",
                        "J'ai reçu une notification « colis livré » pour {tracking}, mais aucun colis.",
                    ),
                ),
            ),
            details=(
                "J'ai demandé à mes voisins et au gardien de l'immeuble.",
                "J'étais chez moi toute la journée et personne n'a sonné.",
                "La photo de livraison dans l'application {carrier} montre une porte qui n'est pas la mienne.",
            ),
            asks=(
                ("Pourriez-vous vérifier auprès de vos voisins et dans les endroits où un livreur aurait pu le déposer (garage, local poubelles, boîte à colis) ?", ("J'ai demandé à tous mes voisins et j'ai regardé partout. Il n'est pas là.", "Tout vérifié, y compris le local poubelles. Rien.")),
                ("Accepteriez-vous de signer une courte attestation de non-réception ? {carrier} en a besoin pour ouvrir une enquête.", ("Bien sûr, l'attestation signée est en pièce jointe.", "Oui, sans problème. Je l'ai signée et j'ai joint un scan.")),
            ),
            progress=(
                "J'ai demandé à {carrier} la position GPS et la photo de la livraison. Je reviens vers vous dès qu'ils répondent.",
                "{carrier} vérifie auprès du livreur qui a effectué la livraison. Cela prend généralement quelques jours ouvrés.",
            ),
            resolutions=(
                "La preuve de livraison de {carrier} montre que le colis a été déposé à une mauvaise adresse. Nous avons organisé un remplacement, expédié aujourd'hui.",
                "Le transporteur n'a pas pu prouver la livraison, nous vous avons donc remboursé {amount}. Désolé pour ce désagrément !",
            ),
        ),
        Topic.DAMAGED_ITEM: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Commande {order} arrivée endommagée", "Article cassé dans mon colis", "Article endommagé : {product}"),
                    problems=(
                        "Ma commande {order} est arrivée aujourd'hui et l'article « {product} » est endommagé.",
                        "Le carton était écrasé à la livraison par {carrier}, et l'article « {product} » est cassé.",
                        "J'ai ouvert le colis et l'article « {product} » est fendu.",
                    ),
                ),
            ),
            details=(
                "Le carton était enfoncé sur un coin, cela semble donc s'être produit pendant le transport.",
                "J'ai gardé tout l'emballage.",
                "Il n'y avait presque pas de calage dans le carton.",
            ),
            asks=(
                ("Pourriez-vous nous envoyer des photos des dégâts, de l'intérieur du carton et de l'étiquette d'expédition ?", ("Photos en pièce jointe : l'article, l'intérieur du carton et l'étiquette.", "Voici quatre photos en pièce jointe.")),
                ("Le carton extérieur était-il également abîmé ? Si oui, pourriez-vous en envoyer une photo ?", ("Oui, un côté était enfoncé. Photo jointe.", "Curieusement, le carton semblait intact de l'extérieur. Photo jointe quand même.")),
            ),
            progress=(
                "Merci pour les photos. Nous avons ouvert une réclamation pour avarie auprès de {carrier} (référence {code}) et je reviens vers vous dès que nous avons une réponse.",
                "J'ai transmis les photos à notre entrepôt, qui décidera entre un remplacement et un remboursement.",
            ),
            resolutions=(
                "Nous vous envoyons aujourd'hui un nouvel article « {product} », et il n'est pas nécessaire de nous retourner celui qui est abîmé.",
                "Nous vous avons remboursé {amount} sur votre moyen de paiement d'origine. Vous pouvez garder ou recycler l'article endommagé.",
            ),
        ),
        Topic.WRONG_ITEM: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Mauvais article reçu dans la commande {order}", "Commande {order} : ce n'est pas ce que j'ai commandé"),
                    problems=(
                        "J'ai reçu la commande {order} aujourd'hui, mais au lieu de « {product} », le carton contient un tout autre article.",
                        "L'article « {product} » que j'ai reçu n'est pas de la bonne couleur.",
                    ),
                    asks=(("Pourriez-vous regarder l'étiquette de l'article et m'indiquer la référence imprimée dessus ?", ("L'étiquette indique {code}.", "C'est {code}, sous le code-barres.")),),
                    resolutions=("Le bon article est en route (numéro de suivi {tracking}). Nous vous avons aussi envoyé par e-mail une étiquette de retour gratuite pour le mauvais article.",),
                ),
                Scenario(
                    subjects=("Article manquant dans ma commande", "Commande {order} incomplète"),
                    problems=(
                        "Il manque un article dans la commande {order} : « {product} » n'est pas dans le colis.",
                        "La commande {order} est arrivée, mais sans l'article « {product} ».",
                    ),
                    asks=(("Y avait-il dans le colis un mot indiquant qu'un article serait expédié séparément ?", ("Non, aucun mot.", "Non, seulement le bon de livraison.")),),
                    resolutions=("Nous avons expédié l'article « {product} » séparément ; il devrait arriver sous 2 à 3 jours ouvrés. Numéro de suivi : {tracking}.",),
                ),
            ),
            details=(
                "Le bon de livraison mentionne « {product} », il semble donc s'agir d'une erreur de préparation.",
                "Le reste de la commande était correct.",
            ),
            asks=(
                ("Pourriez-vous envoyer une photo de ce que vous avez reçu, avec le bon de livraison ?", ("Photo jointe, avec le bon de livraison à côté.", "Bien sûr, voici une photo des deux.")),
            ),
            progress=(
                "J'ai demandé à l'entrepôt de vérifier les données de préparation de la commande {order}.",
                "Notre entrepôt a confirmé une erreur. Je m'occupe de l'envoi du bon article.",
            ),
        ),
        Topic.ADDRESS_CHANGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Modifier l'adresse de livraison de la commande {order}", "Mauvaise adresse sur ma commande", "Merci de modifier l'adresse de livraison"),
                    problems=(
                        "J'ai fait une erreur dans l'adresse de livraison de la commande {order}.",
                        "Je déménage cette semaine. Le colis de la commande {order} peut-il être livré à ma nouvelle adresse ?",
                        "Je viens de remarquer que la commande {order} porte encore mon ancienne adresse.",
                    ),
                ),
            ),
            details=(
                "La bonne adresse est : {address}.",
                "Apparemment, le colis n'a pas encore été pris en charge par {carrier}.",
            ),
            asks=(
                ("Pourriez-vous envoyer la nouvelle adresse complète, avec le code postal, et un numéro de téléphone pour le livreur ?", ("Nouvelle adresse : {address}. Téléphone : {phone}.", "C'est {address}, et mon numéro est le {phone}.")),
                ("Le colis a-t-il déjà été livré à l'ancienne adresse, ou le suivi indique-t-il qu'il est encore en cours d'acheminement ?", ("Toujours en cours d'acheminement selon le suivi {tracking}.", "Il n'a pas encore été livré, le suivi indique toujours en transit.")),
            ),
            progress=(
                "J'ai demandé à {carrier} de réacheminer le colis. Les transporteurs n'acceptent pas toujours une modification une fois le colis en route ; je vous confirme dès qu'ils répondent.",
                "La demande de changement d'adresse est chez {carrier} sous la référence {code}.",
            ),
            resolutions=(
                "Bonne nouvelle : {carrier} a accepté la modification et le colis sera livré à l'adresse suivante : {address}.",
                "{carrier} n'a pas pu modifier l'adresse pendant l'acheminement, le colis nous revient donc. Nous le réexpédierons à {address} dès son retour, sans frais supplémentaires.",
            ),
        ),
        Topic.RETURNED_TO_SENDER: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Colis retourné à l'expéditeur sans raison", "Pourquoi la commande {order} a-t-elle été renvoyée ?", "Colis retourné {tracking}"),
                    problems=(
                        "Mon colis {tracking} a été renvoyé à la boutique alors que l'adresse était correcte.",
                        "Le suivi de la commande {order} indique « retour à l'expéditeur : destinataire inconnu », alors que j'habite ici depuis des années.",
                        "{carrier} n'a jamais tenté de livrer la commande {order}, qui est maintenant en route vers chez vous.",
                    ),
                ),
            ),
            details=(
                "Mon nom figure sur la boîte aux lettres et sur la porte.",
                "J'étais chez moi toute la journée du {date} et personne n'est passé.",
            ),
            asks=(
                ("Pourriez-vous confirmer l'adresse complète et le nom inscrit sur votre boîte aux lettres ?", ("L'adresse est {address}, et mon nom est sur la boîte aux lettres.", "{address}. Le nom sur la boîte aux lettres est le même que sur la commande.")),
                ("Souhaitez-vous que nous réexpédiions la commande à son retour, ou préférez-vous un remboursement ?", ("Merci de la réexpédier, je m'assurerai que quelqu'un soit présent.", "Un remboursement, s'il vous plaît. Je l'ai acheté ailleurs entre-temps.")),
            ),
            progress=(
                "Nous avons déposé une réclamation auprès de {carrier} pour ce retour injustifié (référence {code}).",
                "Le colis est en route vers notre entrepôt. Je le réexpédierai dès qu'il sera scanné.",
            ),
            resolutions=(
                "Le colis est revenu chez nous et nous l'avons réexpédié aujourd'hui avec le numéro de suivi {tracking}. {carrier} a pris les frais en charge.",
                "Nous vous avons remboursé l'intégralité, soit {amount}, frais de port compris.",
            ),
        ),
        Topic.RETURN_EXCHANGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Étiquette de retour pour la commande {order}", "Je souhaite retourner ma commande"),
                    problems=(
                        "Je souhaite retourner l'article « {product} » de la commande {order}.",
                        "Comment retourner une partie de la commande {order} ?",
                    ),
                    asks=(("Préférez-vous un remboursement ou un avoir ?", ("Un remboursement, s'il vous plaît.", "Un avoir me convient.")),),
                    resolutions=("Votre étiquette de retour est en pièce jointe. Imprimez-la, collez-la sur le carton et déposez le colis dans un point {carrier}. Dès réception, nous vous rembourserons {amount} sous 5 jours ouvrés.",),
                ),
                Scenario(
                    subjects=("Échange pour une autre taille", "Échanger un article"),
                    problems=(
                        "L'article « {product} » ne me va pas, je souhaiterais l'échanger contre une autre taille.",
                        "Puis-je échanger l'article « {product} » de la commande {order} contre une autre couleur ?",
                    ),
                    asks=(("Quelle taille ou quelle couleur souhaitez-vous à la place ?", ("La taille au-dessus, s'il vous plaît.", "Le gris, s'il vous plaît.")),),
                    resolutions=("Nous avons bien reçu votre retour, et votre article d'échange est parti avec le numéro de suivi {tracking}.",),
                ),
            ),
            details=(
                "L'article n'a pas été utilisé et est encore dans son emballage d'origine.",
                "J'ai reçu le colis le {date}, je suis donc encore dans le délai de retour.",
            ),
            asks=(
                ("L'article est-il inutilisé, avec ses étiquettes ?", ("Oui, il est neuf avec ses étiquettes.", "Oui, je ne l'ai essayé qu'une fois.")),
            ),
            progress=(
                "J'ai créé le retour dans notre système. Vous allez recevoir l'étiquette par e-mail.",
                "Nous avons reçu votre retour et notre entrepôt est en train de le contrôler.",
            ),
        ),
        Topic.REFUND: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Demande de remboursement", "Remboursement de la commande {order}"),
                    problems=(
                        "Je souhaiterais un remboursement de {amount} pour la commande {order}.",
                        "J'ai annulé ma commande à temps, mais {amount} ont quand même été débités.",
                    ),
                    asks=(("Pourriez-vous nous indiquer le motif du remboursement, afin que nous le traitions correctement ?", ("Ce n'était finalement pas ce que je cherchais.", "J'ai passé la commande deux fois par erreur.")),),
                ),
                Scenario(
                    subjects=("Où en est mon remboursement ?", "Remboursement non reçu"),
                    problems=(
                        "J'ai renvoyé mon colis le {date}, mais je n'ai toujours pas été remboursé.",
                        "Vous m'avez promis un remboursement de {amount} il y a deux semaines, et je n'ai rien reçu.",
                    ),
                    asks=(("Avez-vous le numéro de suivi de votre colis retour ?", ("Oui, c'est {tracking}.", "Le voici : {tracking}.")),),
                ),
            ),
            details=(
                "Le montant a été débité de la carte se terminant par {card}.",
                "La référence du paiement est {code}.",
            ),
            asks=(
                ("Pourriez-vous m'indiquer les quatre derniers chiffres de la carte utilisée et la date du débit ?", ("C'est la carte se terminant par {card}, débitée le {date}.", "Carte se terminant par {card}. Le débit date du {date}.")),
            ),
            progress=(
                "J'ai transmis votre demande à notre service comptable pour validation.",
                "Votre remboursement est en cours de traitement. Je vous confirme dès qu'il est parti.",
            ),
            resolutions=(
                "Nous avons remboursé {amount} sur la carte se terminant par {card}. Selon votre banque, cela peut prendre 5 à 10 jours ouvrés.",
                "Le remboursement de {amount} a été effectué aujourd'hui sous la référence {code}.",
            ),
        ),
    }
)
# fmt: on

TEXT = LanguageText(common=COMMON, topics=TOPICS)
