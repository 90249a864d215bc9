# ruff: noqa: E501  (one sentence per line reads better than wrapped prose)
"""German: the parcel topics of a web shop's customer service (the merchants of a European
shipping platform such as Sendcloud, and their customers). Formal "Sie", as German shops write.
"""

from __future__ import annotations

from types import MappingProxyType

from mockdesk.core.conversations.bank import CommonText, LanguageText, Scenario, TopicText
from mockdesk.core.conversations.model import Topic

# After "Hallo," German continues in lower case, except for nouns and names; the sentences here
# start with one of these words when they do not start with a noun or a name.
_LOWER_AFTER_GREETING = frozenset(
    ("Ich", "Mein", "Meine", "Mir", "Wir", "Unser", "Unsere", "Die", "Der", "Das", "Es", "Laut",
     "Seit", "Leider", "Wie", "Kann", "Können", "Bei", "Am", "In")
)  # fmt: skip


def _after_greeting(sentence: str) -> str:
    word = sentence.split(" ", 1)[0]
    return sentence[0].lower() + sentence[1:] if word in _LOWER_AFTER_GREETING else sentence


# fmt: off
COMMON = CommonText(
    rtl=False,
    system_name="Kundenservice",
    after_greeting=_after_greeting,
    customer_greetings=("Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,", "Hallo zusammen,", "Hallo liebes Service-Team,"),
    customer_pleas=(
        "Können Sie sich das bitte ansehen?",
        "Können Sie mir helfen?",
        "Bitte teilen Sie mir mit, wie es weitergeht.",
        "Vielen Dank im Voraus für Ihre Hilfe.",
        "Ich freue mich über eine schnelle Antwort.",
        "Welche Möglichkeiten habe ich?",
    ),
    customer_signoffs=("Viele Grüße\n{customer}", "Mit freundlichen Grüßen\n{customer}", "Danke und Gruß\n{first}", "Beste Grüße\n{customer}", "LG\n{first}"),
    anonymous_signoffs=("Viele Grüße", "Mit freundlichen Grüßen", "Danke"),
    to_agent_greetings=("Hallo {agent_first},", "Guten Tag,", "Hallo nochmal,"),
    agent_greetings=("Hallo {customer},", "Guten Tag {customer},", "Hallo {first},"),
    anonymous_agent_greetings=("Hallo,", "Guten Tag,", "Sehr geehrte Kundin, sehr geehrter Kunde,"),
    first_openers=(
        "Vielen Dank für Ihre Nachricht.",
        "Danke, dass Sie sich bei uns melden, und entschuldigen Sie die Unannehmlichkeiten.",
        "Das tut mir leid zu hören, ich helfe Ihnen gerne weiter.",
        "Vielen Dank für die ausführliche Beschreibung.",
        "Ich habe Ihre Anfrage übernommen.",
    ),
    ask_openers=("Danke für die Informationen.", "Vielen Dank, das hilft weiter.", "Super, danke!", "Danke für Ihre Rückmeldung."),
    progress_openers=("Vielen Dank für Ihre Geduld.", "Kurzes Update:", "Danke fürs Warten."),
    resolve_openers=("Gute Nachrichten!", "Vielen Dank für Ihre Geduld.", "Ich habe ein Update für Sie."),
    agent_signoffs=("Mit freundlichen Grüßen\n{agent}", "Viele Grüße\n{agent}", "Beste Grüße\n{agent}", "Einen schönen Tag noch!\n{agent}"),
    addenda=("Noch eine Sache:", "Vergessen zu erwähnen:", "Kurze Ergänzung:", "PS:"),
    nudges=(
        "Gibt es hierzu schon Neuigkeiten?",
        "Hallo nochmal, gibt es ein Update?",
        "Hat sich das schon jemand angesehen?",
        "Es sind jetzt schon ein paar Tage vergangen. Können Sie mir einen Zwischenstand geben?",
        "Ich warte immer noch auf eine Antwort.",
    ),
    stills=(
        "Danke, aber leider besteht das Problem weiterhin.",
        "Ich habe es ausprobiert, aber es funktioniert immer noch nicht.",
        "Es hat einen Tag funktioniert, jetzt tritt es wieder auf.",
        "Leider immer noch dasselbe.",
    ),
    thanks=(
        "Super, vielen Dank!",
        "Perfekt, danke für die Hilfe!",
        "Alles erledigt. Vielen Dank!",
        "Danke für die Hilfe!",
        "Klasse, herzlichen Dank.",
        "Erhalten, danke. Das Ticket kann geschlossen werden.",
    ),
    reminders=(
        "Ich wollte kurz nachhaken: Konnten Sie sich meine Frage schon ansehen? Wir benötigen diese Informationen, um weiterzumachen.",
        "Eine freundliche Erinnerung: Wir warten noch auf Ihre Antwort. Könnten Sie sich bei Gelegenheit melden?",
        "Wir haben noch nichts von Ihnen gehört. Besteht das Problem noch?",
    ),
    close_no_reply=(
        "Da wir nichts mehr von Ihnen gehört haben, schließe ich dieses Ticket vorerst. Antworten Sie einfach auf diese E-Mail, falls Sie noch Hilfe benötigen, dann wird es wieder geöffnet.",
        "Ich schließe dieses Ticket, da keine Antwort kam. Sollte das Problem erneut auftreten, antworten Sie einfach auf diese E-Mail.",
    ),
    work_notes=(
        "Kundenhistorie geprüft, nichts Auffälliges.",
        "Kollegen aus dem Second Level um Unterstützung gebeten. Ref {code}.",
        "Kunde hatte schon einmal ein ähnliches Problem, bitte priorisieren.",
        "Warten auf den Versanddienstleister. Morgen nachfassen, falls nichts kommt.",
        "Als {code} im internen Tracker erfasst.",
    ),
    closing_notes=(
        "Gelöst, schließe.",
        "Im Erstkontakt gelöst, kein Follow-up nötig.",
        "Ursache in {code} dokumentiert.",
        "Lösung verschickt, nichts weiter zu tun.",
    ),
    acknowledgements=(
        "Vielen Dank für Ihre Nachricht! Wir haben Ihre Anfrage erhalten und melden uns so schnell wie möglich, in der Regel innerhalb eines Werktages.",
        "Dies ist eine automatische Bestätigung: Ihre Anfrage ist eingegangen, und ein Mitarbeiter meldet sich in Kürze.",
        "Wir haben Ihre Nachricht erhalten! Anfragen werden in der Reihenfolge ihres Eingangs bearbeitet.",
    ),
    solved_notices=("{agent} hat dieses Ticket als gelöst markiert.", "Status von {agent} auf Gelöst geändert."),
    closed_notices=(
        "Dieses Ticket wurde automatisch geschlossen, da keine Antwort mehr kam. Antworten Sie, um eine neue Anfrage zu stellen.",
        "Dieses Ticket wurde geschlossen. Wenn Sie weitere Hilfe benötigen, antworten Sie einfach, dann öffnen wir es wieder.",
        "Ticket geschlossen.",
    ),
)

TOPICS = MappingProxyType(
    {
        Topic.SHIPPING_DELAY: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Wo bleibt meine Bestellung {order}?", "Bestellung {order} noch nicht geliefert", "Paket seit {days} Tagen unverändert", "Lieferverzögerung: Sendungsverfolgung bei {carrier} hängt"),
                    problems=(
                        "Ich habe am {date} bestellt (Bestellung {order}), und die Lieferung ist immer noch nicht da.",
                        "Mein Paket bei {carrier} steht seit {days} Tagen auf „in Zustellung“.",
                        "Der voraussichtliche Liefertermin für Bestellung {order} ist überschritten, und es ist noch nichts angekommen.",
                    ),
                ),
            ),
            details=(
                "Die Sendungsnummer ist {tracking}, laut letztem Scan hat das Paket das Verteilzentrum verlassen.",
                "Die Sendungsverfolgung für {tracking} wurde seit dem {date} nicht mehr aktualisiert.",
                "Ich brauche es dieses Wochenende, der Zeitpunkt ist also wirklich wichtig.",
            ),
            asks=(
                ("Können Sie mir die Lieferadresse der Bestellung inklusive Hausnummer bestätigen?", ("Ja, die Adresse stimmt: {address}.", "Es sollte {address} sein, so habe ich es eingegeben.")),
                ("Gibt es eine Telefonnummer, unter der {carrier} Sie erreichen kann, falls der Fahrer die Adresse nicht findet?", ("Ja, {phone}.", "Sie können {phone} verwenden, ich bin den ganzen Tag erreichbar.")),
            ),
            progress=(
                "Ich habe bei {carrier} einen Nachforschungsauftrag für die Sendungsnummer {tracking} gestellt. In der Regel antworten sie innerhalb von zwei Werktagen, und ich melde mich, sobald ich etwas höre.",
                "Ich habe {carrier} gebeten, das Paket ausfindig zu machen und die Zustellung zu priorisieren. Ich behalte es im Blick.",
            ),
            resolutions=(
                "{carrier} hat das Paket gefunden: Es war an das falsche Depot geschickt worden. Es ist wieder unterwegs und sollte innerhalb von zwei Werktagen ankommen. Sie können es unter {tracking} verfolgen.",
                "Der Versanddienstleister hat einen neuen Liefertermin bestätigt, und {tracking} bewegt sich wieder. Falls das Paket bis Ende der Woche nicht da ist, melden Sie sich bitte, dann schicken wir kostenlos Ersatz.",
            ),
        ),
        Topic.LOST_PARCEL: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Paket verloren: Bestellung {order}", "Sendung {tracking} ohne Bewegung", "Sendung bei {carrier} verloren gegangen"),
                    problems=(
                        "Ich glaube, mein Paket ist verloren gegangen. Bestellung {order} wurde am {date} mit {carrier} verschickt, und der Status hat sich seitdem nicht geändert.",
                        "{carrier} teilt mir mit, dass mein Paket ({tracking}) nicht auffindbar ist.",
                        "Bei {tracking} steht nach {days} Tagen immer noch nur „Sendungsdaten übermittelt“.",
                    ),
                ),
            ),
            details=(
                "In der Bestellung war der Artikel „{product}“ im Wert von {amount}.",
                "Ich habe {carrier} schon angerufen, dort wurde ich an den Absender verwiesen.",
                "Es war ein Geschenk, deshalb würde ich das gern schnell klären.",
            ),
            asks=(
                ("Können Sie Inhalt und Verpackung beschreiben (Größe, Farbe, Aufkleber), damit wir das im Nachforschungsantrag angeben können?", ("Ein brauner Karton, etwa 30 mal 20 cm, darin „{product}“. Außen nichts Besonderes.", "Ein normaler Karton mit Ihrem Logo auf dem Klebeband. Darin war „{product}“.")),
                ("Können Sie bestätigen, dass Sie inzwischen keine Benachrichtigungskarte und keine Nachricht von {carrier} erhalten haben?", ("Bestätigt: keine Karte, keine E-Mail, keine SMS von {carrier}.", "Gar nichts, ich habe Briefkasten und Spam-Ordner geprüft.")),
            ),
            progress=(
                "Wir haben bei {carrier} einen Nachforschungsantrag unter der Referenz {code} gestellt. Versanddienstleister brauchen einige Werktage, um ihr Netz zu durchsuchen, bevor sie ein Paket als verloren einstufen.",
                "Der Antrag liegt jetzt bei {carrier}. Ich melde mich, sobald es eine Antwort gibt.",
            ),
            resolutions=(
                "{carrier} hat das Paket als verloren eingestuft. Wir haben Ihnen heute kostenlos Ersatz geschickt, Sendungsnummer {tracking}.",
                "Der Antrag wurde anerkannt, und wir haben Ihnen {amount} auf Ihre ursprüngliche Zahlungsmethode erstattet. Es kann 3 bis 5 Werktage dauern, bis der Betrag sichtbar ist.",
            ),
        ),
        Topic.DELIVERED_NOT_RECEIVED: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Als zugestellt markiert, aber nicht erhalten", "Bestellung {order} angeblich zugestellt", "Paket {tracking} nicht erhalten"),
                    problems=(
                        "Laut Sendungsverfolgung wurde mein Paket am {date} zugestellt, aber ich habe es nie erhalten.",
                        "Laut {carrier} wurde Bestellung {order} gestern zugestellt. Vor der Tür und im Briefkasten war nichts.",
                        "Ich habe eine Zustellbenachrichtigung für {tracking} bekommen, aber es ist kein Paket da.",
                    ),
                ),
            ),
            details=(
                "Ich habe bei den Nachbarn und am Empfang meines Hauses nachgefragt.",
                "Ich war den ganzen Tag zu Hause, und niemand hat geklingelt.",
                "Das Zustellfoto in der App von {carrier} zeigt eine Tür, die nicht meine ist.",
            ),
            asks=(
                ("Könnten Sie bei Ihren Nachbarn nachfragen und an möglichen Ablageorten nachsehen (Garage, Gartenhaus, Mülltonnenbox)?", ("Ich habe alle Nachbarn gefragt und überall nachgesehen. Es ist nicht da.", "Alles geprüft, auch die Garage. Nichts.")),
                ("Wären Sie bereit, eine kurze Erklärung über den Nichterhalt zu unterschreiben? {carrier} benötigt sie, um die Nachforschung zu starten.", ("Natürlich, die unterschriebene Erklärung ist im Anhang.", "Ja, kein Problem. Ich habe sie unterschrieben und einen Scan angehängt.")),
            ),
            progress=(
                "Ich habe {carrier} um den GPS-Standort und das Foto der Zustellung gebeten. Ich melde mich, sobald die Antwort da ist.",
                "{carrier} klärt das mit dem Fahrer, der die Zustellung gemacht hat. Das dauert meist ein paar Werktage.",
            ),
            resolutions=(
                "Der Zustellnachweis von {carrier} zeigt, dass das Paket an der falschen Adresse abgegeben wurde. Wir haben Ersatz veranlasst, der heute verschickt wird.",
                "Der Versanddienstleister konnte die Zustellung nicht nachweisen, deshalb haben wir Ihnen {amount} erstattet. Entschuldigen Sie die Umstände!",
            ),
        ),
        Topic.DAMAGED_ITEM: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Bestellung {order} beschädigt angekommen", "Defekter Artikel im Paket", "Beschädigt: {product}"),
                    problems=(
                        "Meine Bestellung {order} ist heute angekommen, und der Artikel „{product}“ ist beschädigt.",
                        "Der Karton war bei der Zustellung durch {carrier} eingedrückt, und der Artikel „{product}“ ist kaputt.",
                        "Ich habe das Paket geöffnet, und der Artikel „{product}“ hat einen großen Riss.",
                    ),
                ),
            ),
            details=(
                "Der Karton war an einer Ecke eingedrückt, es ist also wohl beim Transport passiert.",
                "Ich habe die gesamte Verpackung aufbewahrt.",
                "Im Karton war kaum Füllmaterial.",
            ),
            asks=(
                ("Könnten Sie uns Fotos vom Schaden, vom Inneren des Kartons und vom Versandetikett schicken?", ("Fotos im Anhang: der Artikel, das Innere des Kartons und das Etikett.", "Anbei vier Fotos.")),
                ("War der Außenkarton ebenfalls beschädigt? Falls ja, können Sie ein Foto davon schicken?", ("Ja, eine Seite war eingedrückt. Foto im Anhang.", "Der Karton sah von außen seltsamerweise gut aus. Foto trotzdem anbei.")),
            ),
            progress=(
                "Danke für die Fotos. Wir haben bei {carrier} eine Schadensmeldung eingereicht (Referenz {code}), und ich melde mich, sobald wir etwas hören.",
                "Ich habe die Fotos an unser Lager weitergegeben, damit dort über Ersatz oder Erstattung entschieden wird.",
            ),
            resolutions=(
                "Wir schicken Ihnen heute einen neuen Artikel „{product}“. Den beschädigten müssen Sie nicht zurücksenden.",
                "Wir haben Ihnen {amount} auf Ihre ursprüngliche Zahlungsmethode erstattet. Den beschädigten Artikel können Sie behalten oder entsorgen.",
            ),
        ),
        Topic.WRONG_ITEM: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Falscher Artikel in Bestellung {order}", "Bestellung {order}: nicht das, was ich bestellt habe"),
                    problems=(
                        "Ich habe Bestellung {order} heute erhalten, aber statt „{product}“ ist ein ganz anderer Artikel im Karton.",
                        "Der gelieferte Artikel „{product}“ hat die falsche Farbe.",
                    ),
                    asks=(("Könnten Sie auf dem Etikett des Artikels nachsehen und mir die aufgedruckte Artikelnummer nennen?", ("Auf dem Etikett steht {code}.", "Es ist {code}, unter dem Barcode.")),),
                    resolutions=("Der richtige Artikel ist unterwegs (Sendungsnummer {tracking}). Für den falschen Artikel haben wir Ihnen ein kostenloses Rücksendeetikett gemailt.",),
                ),
                Scenario(
                    subjects=("Artikel fehlt in meiner Bestellung", "Bestellung {order} unvollständig"),
                    problems=(
                        "In Bestellung {order} fehlt ein Artikel: „{product}“ ist nicht im Paket.",
                        "Bestellung {order} ist angekommen, aber „{product}“ war nicht dabei.",
                    ),
                    asks=(("Lag dem Paket ein Hinweis bei, dass ein Artikel separat nachgeliefert wird?", ("Nein, es lag kein Hinweis bei.", "Nein, nur der Lieferschein.")),),
                    resolutions=("Wir haben „{product}“ separat nachgeschickt, es sollte in 2 bis 3 Werktagen ankommen. Sendungsnummer: {tracking}.",),
                ),
            ),
            details=(
                "Auf dem Lieferschein steht „{product}“, es sieht also nach einem Fehler beim Kommissionieren aus.",
                "Der Rest der Bestellung war in Ordnung.",
            ),
            asks=(
                ("Könnten Sie ein Foto der gelieferten Ware zusammen mit dem Lieferschein schicken?", ("Foto anbei, mit dem Lieferschein daneben.", "Gerne, hier ein Foto von beidem.")),
            ),
            progress=(
                "Ich habe das Lager gebeten, die Packdaten zu Bestellung {order} zu prüfen.",
                "Unser Lager hat eine Verwechslung bestätigt. Ich veranlasse jetzt den richtigen Artikel.",
            ),
        ),
        Topic.ADDRESS_CHANGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Lieferadresse für Bestellung {order} ändern", "Falsche Adresse in meiner Bestellung", "Bitte Lieferadresse anpassen"),
                    problems=(
                        "Ich habe mich bei der Lieferadresse für Bestellung {order} vertan.",
                        "Ich ziehe diese Woche um. Kann das Paket für Bestellung {order} an meine neue Adresse gehen?",
                        "Mir ist gerade aufgefallen, dass Bestellung {order} noch meine alte Adresse hat.",
                    ),
                ),
            ),
            details=(
                "Die richtige Adresse ist {address}.",
                "Soweit ich sehe, wurde das Paket noch nicht von {carrier} abgeholt.",
            ),
            asks=(
                ("Können Sie mir die vollständige neue Adresse inklusive Postleitzahl und eine Telefonnummer für den Fahrer schicken?", ("Neue Adresse: {address}. Telefon: {phone}.", "Es ist {address}, meine Nummer ist {phone}.")),
                ("Wurde das Paket schon an die alte Adresse zugestellt, oder ist es laut Sendungsverfolgung noch unterwegs?", ("Laut {tracking} noch unterwegs.", "Es wurde noch nicht zugestellt, der Status ist noch unterwegs.")),
            ),
            progress=(
                "Ich habe {carrier} gebeten, das Paket umzuleiten. Nicht immer ist eine Änderung möglich, wenn das Paket schon unterwegs ist; ich melde mich, sobald ich Antwort habe.",
                "Die Adressänderung liegt unter der Referenz {code} bei {carrier}.",
            ),
            resolutions=(
                "Gute Nachrichten: {carrier} hat die Änderung angenommen, und das Paket wird an {address} zugestellt.",
                "{carrier} konnte die Adresse nicht mehr ändern, daher kommt das Paket zu uns zurück. Sobald es da ist, schicken wir es ohne Zusatzkosten an {address}.",
            ),
        ),
        Topic.RETURNED_TO_SENDER: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Paket grundlos an Absender zurück", "Warum wurde Bestellung {order} zurückgeschickt?", "Rücksendung {tracking}"),
                    problems=(
                        "Mein Paket {tracking} wurde an den Shop zurückgeschickt, obwohl die Adresse stimmte.",
                        "Bei Bestellung {order} steht „Rücksendung an Absender: Empfänger unbekannt“, dabei wohne ich seit Jahren hier.",
                        "{carrier} hat nie versucht, Bestellung {order} zuzustellen, und jetzt ist sie auf dem Rückweg zu Ihnen.",
                    ),
                ),
            ),
            details=(
                "Mein Name steht am Briefkasten und an der Tür.",
                "Ich war am {date} den ganzen Tag zu Hause, und es kam niemand.",
            ),
            asks=(
                ("Können Sie die vollständige Adresse und den Namen an Ihrem Briefkasten bestätigen?", ("Die Adresse ist {address}, und mein Name steht am Briefkasten.", "{address}. Der Name am Briefkasten ist derselbe wie in der Bestellung.")),
                ("Sollen wir die Bestellung erneut verschicken, sobald sie zurück ist, oder ist Ihnen eine Erstattung lieber?", ("Bitte erneut verschicken, ich sorge dafür, dass jemand zu Hause ist.", "Lieber eine Erstattung, ich habe es inzwischen woanders gekauft.")),
            ),
            progress=(
                "Wir haben bei {carrier} eine Beschwerde wegen der ungerechtfertigten Rücksendung eingereicht (Referenz {code}).",
                "Das Paket ist auf dem Rückweg zu unserem Lager. Sobald es eingescannt ist, verschicke ich es erneut.",
            ),
            resolutions=(
                "Das Paket ist wieder bei uns, und wir haben es heute mit der Sendungsnummer {tracking} erneut verschickt. Die Kosten hat {carrier} übernommen.",
                "Wir haben Ihnen den vollen Betrag von {amount} inklusive Versandkosten erstattet.",
            ),
        ),
        Topic.RETURN_EXCHANGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Rücksendeetikett für Bestellung {order}", "Ich möchte meine Bestellung zurückschicken"),
                    problems=(
                        "Ich möchte den Artikel „{product}“ aus Bestellung {order} zurückschicken.",
                        "Wie kann ich einen Teil von Bestellung {order} zurücksenden?",
                    ),
                    asks=(("Möchten Sie lieber eine Erstattung oder einen Gutschein?", ("Eine Erstattung, bitte.", "Ein Gutschein ist in Ordnung.")),),
                    resolutions=("Ihr Rücksendeetikett finden Sie im Anhang. Drucken Sie es aus, kleben Sie es auf den Karton und geben Sie ihn in einer {carrier}-Filiale ab. Sobald die Rücksendung bei uns ist, erstatten wir {amount} innerhalb von 5 Werktagen.",),
                ),
                Scenario(
                    subjects=("Umtausch in eine andere Größe", "Artikel umtauschen"),
                    problems=(
                        "Der Artikel „{product}“ passt nicht, ich würde ihn gern gegen eine andere Größe umtauschen.",
                        "Kann ich „{product}“ aus Bestellung {order} gegen eine andere Farbe umtauschen?",
                    ),
                    asks=(("Welche Größe oder Farbe hätten Sie stattdessen gern?", ("Eine Nummer größer, bitte.", "Gerne in Grau.")),),
                    resolutions=("Wir haben Ihre Rücksendung erhalten, und Ihr Umtauschartikel ist mit der Sendungsnummer {tracking} unterwegs.",),
                ),
            ),
            details=(
                "Der Artikel ist unbenutzt und noch originalverpackt.",
                "Ich habe die Lieferung am {date} erhalten, bin also noch innerhalb der Rückgabefrist.",
            ),
            asks=(
                ("Ist der Artikel unbenutzt, und sind die Etiketten noch dran?", ("Ja, unbenutzt und mit Etiketten.", "Ja, ich habe ihn nur einmal anprobiert.")),
            ),
            progress=(
                "Ich habe die Rücksendung in unserem System angelegt. Sie erhalten das Etikett gleich per E-Mail.",
                "Wir haben Ihre Rücksendung erhalten, und unser Lager prüft sie gerade.",
            ),
        ),
        Topic.REFUND: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Bitte um Erstattung", "Erstattung für Bestellung {order}"),
                    problems=(
                        "Ich möchte eine Erstattung von {amount} für Bestellung {order}.",
                        "Ich habe meine Bestellung rechtzeitig storniert, trotzdem wurden {amount} abgebucht.",
                    ),
                    asks=(("Können Sie uns den Grund für die Erstattung nennen, damit wir sie richtig bearbeiten?", ("Es war doch nicht das, was ich gesucht habe.", "Ich habe versehentlich doppelt bestellt.")),),
                ),
                Scenario(
                    subjects=("Wo bleibt meine Erstattung?", "Erstattung nicht erhalten"),
                    problems=(
                        "Ich habe meine Rücksendung am {date} abgeschickt, aber noch kein Geld zurückbekommen.",
                        "Sie haben mir vor zwei Wochen eine Erstattung von {amount} zugesagt, aber sie ist noch nicht angekommen.",
                    ),
                    asks=(("Haben Sie die Sendungsnummer Ihrer Rücksendung?", ("Ja, sie lautet {tracking}.", "Hier ist sie: {tracking}.")),),
                ),
            ),
            details=(
                "Der Betrag wurde von der Karte mit der Endung {card} abgebucht.",
                "Die Zahlungsreferenz lautet {code}.",
            ),
            asks=(
                ("Können Sie mir die letzten vier Ziffern der Karte, mit der Sie bezahlt haben, und das Datum der Abbuchung nennen?", ("Es ist die Karte mit der Endung {card}, abgebucht am {date}.", "Karte mit Endung {card}. Die Abbuchung ist vom {date}.")),
            ),
            progress=(
                "Ich habe Ihre Anfrage zur Freigabe an unsere Buchhaltung weitergeleitet.",
                "Ihre Erstattung wird gerade bearbeitet. Ich bestätige, sobald sie veranlasst ist.",
            ),
            resolutions=(
                "Wir haben {amount} auf die Karte mit der Endung {card} erstattet. Je nach Bank kann es 5 bis 10 Werktage dauern, bis der Betrag sichtbar ist.",
                "Die Erstattung von {amount} wurde heute unter der Referenz {code} veranlasst.",
            ),
        ),
    }
)
# fmt: on

TEXT = LanguageText(common=COMMON, topics=TOPICS)
