# ruff: noqa: E501  (one sentence per line reads better than wrapped prose)
"""Dutch: the parcel topics of a web shop's customer service (the merchants of a Dutch shipping
platform such as Sendcloud, and their customers). Informal "je", as Dutch web shops write."""

from __future__ import annotations

from types import MappingProxyType

from mockdesk.core.conversations.bank import (
    CommonText,
    LanguageText,
    Scenario,
    TopicText,
    lower_first_word,
)
from mockdesk.core.conversations.model import Topic

# fmt: off
COMMON = CommonText(
    rtl=False,
    system_name="Klantenservice",
    after_greeting=lower_first_word,
    customer_greetings=("Hallo,", "Goedendag,", "Beste klantenservice,", "Hoi,", "Beste,"),
    customer_pleas=(
        "Kunnen jullie hiernaar kijken?",
        "Kunnen jullie mij helpen?",
        "Graag hoor ik wat ik kan doen.",
        "Alvast bedankt voor de hulp.",
        "Ik hoor graag snel van jullie.",
        "Wat zijn de mogelijkheden?",
    ),
    customer_signoffs=("Groeten,\n{first}", "Met vriendelijke groet,\n{customer}", "Alvast bedankt,\n{customer}", "Groetjes,\n{first}", "Mvg,\n{customer}"),
    anonymous_signoffs=("Met vriendelijke groet", "Groeten", "Bedankt"),
    to_agent_greetings=("Hoi {agent_first},", "Hallo {agent_first},", "Beste {agent_first},"),
    agent_greetings=("Hoi {first},", "Beste {customer},", "Hallo {first},", "Beste {first},"),
    anonymous_agent_greetings=("Hallo,", "Goedendag,", "Beste klant,"),
    first_openers=(
        "Bedankt voor je bericht.",
        "Dank voor het contact opnemen, en sorry voor het ongemak.",
        "Vervelend om te horen, ik help je graag verder.",
        "Bedankt voor de duidelijke uitleg.",
        "Ik heb je vraag opgepakt.",
    ),
    ask_openers=("Bedankt voor de informatie.", "Dank je, dat helpt.", "Top, bedankt!", "Bedankt voor je reactie."),
    progress_openers=("Bedankt voor je geduld.", "Even een korte update:", "Dank voor het wachten."),
    resolve_openers=("Goed nieuws!", "Bedankt voor je geduld.", "Ik heb een update voor je."),
    agent_signoffs=("Met vriendelijke groet,\n{agent}", "Groet,\n{agent}", "Hartelijke groet,\n{agent}", "Fijne dag!\n{agent}"),
    addenda=("Nog één ding:", "Vergeten te melden:", "Aanvulling:", "PS:"),
    nudges=(
        "Is hier al nieuws over?",
        "Hallo, is er al een update?",
        "Heeft iemand hier al naar kunnen kijken?",
        "Het is inmiddels een paar dagen verder. Kunnen jullie mij een update geven?",
        "Ik wacht nog steeds op een antwoord.",
    ),
    stills=(
        "Bedankt, maar het probleem is helaas nog niet opgelost.",
        "Ik heb het geprobeerd, maar het werkt nog steeds niet.",
        "Het leek opgelost, maar nu gebeurt het weer.",
        "Helaas, nog steeds hetzelfde.",
    ),
    thanks=(
        "Top, bedankt!",
        "Perfect, dank voor de hulp!",
        "Alles is opgelost. Heel erg bedankt.",
        "Bedankt voor de hulp!",
        "Super, hartelijk dank.",
        "Ontvangen, dank je. Het ticket mag dicht.",
    ),
    reminders=(
        "Ik wilde even checken: heb je mijn vorige vraag al kunnen bekijken? We hebben die informatie nodig om verder te kunnen.",
        "Een vriendelijke herinnering dat we nog op je reactie wachten. Kun je ons laten weten hoe het zit?",
        "We hebben nog niets van je gehoord. Speelt het probleem nog?",
    ),
    close_no_reply=(
        "Omdat we niets meer van je hebben gehoord, sluit ik dit ticket voorlopig. Reageer gerust op deze e-mail als je nog hulp nodig hebt, dan gaat het weer open.",
        "Ik sluit dit ticket omdat we geen reactie hebben ontvangen. Komt het probleem terug? Beantwoord dan deze e-mail, dan pakken we het weer op.",
    ),
    work_notes=(
        "Klantgeschiedenis gecontroleerd, niets bijzonders.",
        "Collega uit de tweede lijn gevraagd mee te kijken. Ref {code}.",
        "Klant heeft eerder een vergelijkbaar probleem gehad, met voorrang behandelen.",
        "Wachten op de vervoerder. Morgen opvolgen als er niets binnenkomt.",
        "Vastgelegd als {code} in de interne tracker.",
    ),
    closing_notes=(
        "Opgelost, sluiten.",
        "Opgelost bij eerste contact, geen opvolging nodig.",
        "Oorzaak vastgelegd in {code}.",
        "Oplossing verstuurd, verder niets te doen.",
    ),
    acknowledgements=(
        "Bedankt voor je bericht! We hebben je vraag ontvangen en reageren zo snel mogelijk, meestal binnen één werkdag.",
        "Dit is een automatische bevestiging: je vraag is ontvangen en een van onze medewerkers neemt snel contact op.",
        "We hebben je bericht ontvangen! We beantwoorden vragen in volgorde van binnenkomst.",
    ),
    solved_notices=("{agent} heeft dit ticket als opgelost gemarkeerd.", "Status gewijzigd naar Opgelost door {agent}."),
    closed_notices=(
        "Dit ticket is automatisch gesloten omdat er geen reactie meer kwam. Reageer om een nieuwe vraag te stellen.",
        "Dit ticket is gesloten. Heb je nog hulp nodig? Reageer dan gewoon, dan openen we het opnieuw.",
        "Ticket gesloten.",
    ),
)

TOPICS = MappingProxyType(
    {
        Topic.SHIPPING_DELAY: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Waar blijft mijn bestelling {order}?", "Bestelling {order} nog niet geleverd", "Pakket al {days} dagen niet verplaatst", "Vertraging: track & trace van {carrier} staat stil"),
                    problems=(
                        "Ik heb op {date} besteld (bestelling {order}) en het is nog steeds niet aangekomen.",
                        "Mijn pakket bij {carrier} staat al {days} dagen op \"onderweg\".",
                        "De verwachte leverdatum van bestelling {order} is verstreken en er is nog niets bezorgd.",
                    ),
                ),
            ),
            details=(
                "De trackingcode is {tracking} en volgens de laatste scan heeft het pakket het sorteercentrum verlaten.",
                "Track & trace {tracking} is sinds {date} niet meer bijgewerkt.",
                "Ik heb het dit weekend nodig, dus de timing is echt belangrijk.",
            ),
            asks=(
                ("Kun je het afleveradres op de bestelling bevestigen, inclusief huisnummer?", ("Ja, het adres klopt: {address}.", "Het moet {address} zijn, zo heb ik het ingevuld.")),
                ("Is er een telefoonnummer waarop {carrier} je kan bereiken als de bezorger het adres niet kan vinden?", ("Zeker, {phone}.", "Je kunt {phone} gebruiken, ik ben de hele dag bereikbaar.")),
            ),
            progress=(
                "Ik heb een onderzoek gestart bij {carrier} voor trackingcode {tracking}. Ze reageren meestal binnen twee werkdagen en ik laat het je meteen weten.",
                "Ik heb {carrier} gevraagd het pakket op te sporen en de bezorging voorrang te geven. Ik houd het in de gaten.",
            ),
            resolutions=(
                "{carrier} heeft het pakket gevonden: het was naar het verkeerde depot gestuurd. Het is weer onderweg en zou binnen twee werkdagen moeten aankomen. Je kunt het volgen met {tracking}.",
                "De vervoerder heeft een nieuwe bezorgdatum bevestigd en {tracking} beweegt weer. Is het eind van de week nog niet binnen? Laat het ons weten, dan sturen we kosteloos een vervanging.",
            ),
        ),
        Topic.LOST_PARCEL: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Pakket kwijt: bestelling {order}", "Trackingcode {tracking} geeft geen beweging", "Zending zoekgeraakt bij {carrier}"),
                    problems=(
                        "Ik denk dat mijn pakket kwijt is. Bestelling {order} is op {date} met {carrier} verzonden en de status is sindsdien niet veranderd.",
                        "{carrier} laat weten dat ze mijn pakket ({tracking}) niet kunnen vinden.",
                        "Bij {tracking} staat na {days} dagen nog steeds alleen \"zending aangemeld\".",
                    ),
                ),
            ),
            details=(
                "In de bestelling zat het artikel „{product}”, ter waarde van {amount}.",
                "Ik heb {carrier} al gebeld en zij verwijzen me naar de afzender.",
                "Het was een cadeau, dus ik wil het graag snel oplossen.",
            ),
            asks=(
                ("Kun je de inhoud en de verpakking beschrijven (formaat, kleur, stickers), zodat we dat bij de claim kunnen vermelden?", ("Een bruine doos van ongeveer 30 bij 20 cm, met „{product}” erin. Niets bijzonders aan de buitenkant.", "Een gewone kartonnen doos met jullie logo op de tape. Erin zat „{product}”.")),
                ("Kun je bevestigen dat je in de tussentijd geen afwezigheidskaartje of bericht van {carrier} hebt ontvangen?", ("Bevestigd: geen kaartje, geen e-mail, geen sms van {carrier}.", "Helemaal niets, ik heb mijn brievenbus en spamfolder gecontroleerd.")),
            ),
            progress=(
                "We hebben bij {carrier} een claim voor een verloren pakket ingediend onder referentie {code}. Vervoerders hebben een aantal werkdagen nodig om hun netwerk te doorzoeken.",
                "De claim ligt nu bij {carrier}. Ik laat het je weten zodra ze reageren.",
            ),
            resolutions=(
                "{carrier} heeft het pakket als verloren aangemerkt. We hebben vandaag kosteloos een vervanging verstuurd met trackingcode {tracking}.",
                "De claim is goedgekeurd en we hebben {amount} teruggestort op je oorspronkelijke betaalmethode. Het kan 3 tot 5 werkdagen duren voordat je het ziet.",
            ),
        ),
        Topic.DELIVERED_NOT_RECEIVED: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Bezorgd volgens track & trace, maar niet ontvangen", "Bestelling {order} staat op bezorgd, maar niets ontvangen", "Pakket {tracking} niet ontvangen"),
                    problems=(
                        "Volgens de track & trace is mijn pakket op {date} bezorgd, maar ik heb het nooit ontvangen.",
                        "Volgens {carrier} is bestelling {order} gisteren bezorgd. Er lag niets voor de deur of in de brievenbus.",
                        "Ik kreeg een melding dat {tracking} is bezorgd, maar er is geen pakket.",
                    ),
                ),
            ),
            details=(
                "Ik heb bij de buren en de receptie van mijn gebouw nagevraagd.",
                "Ik was de hele dag thuis en er is niet aangebeld.",
                "De bezorgfoto in de app van {carrier} toont een deur die niet de mijne is.",
            ),
            asks=(
                ("Kun je bij de buren navragen en kijken op plekken waar een bezorger het pakket kan hebben achtergelaten (schuur, garage, achterdeur)?", ("Ik heb bij alle buren gevraagd en overal gekeken. Het is er niet.", "Alles gecontroleerd, ook de schuur. Niets.")),
                ("Zou je een korte verklaring van niet-ontvangst willen ondertekenen? {carrier} heeft die nodig om een onderzoek te starten.", ("Natuurlijk, de ondertekende verklaring zit in de bijlage.", "Ja, geen probleem. Ik heb hem ondertekend en een scan bijgevoegd.")),
            ),
            progress=(
                "Ik heb {carrier} om de GPS-locatie en de foto van de bezorging gevraagd. Ik neem contact op zodra ze reageren.",
                "{carrier} zoekt het uit met de bezorger die het pakket heeft afgeleverd. Dat duurt meestal een paar werkdagen.",
            ),
            resolutions=(
                "Uit het afleverbewijs van {carrier} blijkt dat het pakket op het verkeerde adres is afgeleverd. We hebben een vervanging geregeld die vandaag wordt verzonden.",
                "De vervoerder kon de bezorging niet aantonen, dus we hebben {amount} terugbetaald. Sorry voor het ongemak!",
            ),
        ),
        Topic.DAMAGED_ITEM: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Bestelling {order} beschadigd aangekomen", "Kapot artikel in mijn pakket", "Beschadigd: {product}"),
                    problems=(
                        "Mijn bestelling {order} is vandaag aangekomen en het artikel „{product}” is beschadigd.",
                        "De doos was ingedeukt toen {carrier} hem bezorgde en het artikel „{product}” is kapot.",
                        "Ik maakte het pakket open en het artikel „{product}” heeft een flinke barst.",
                    ),
                ),
            ),
            details=(
                "De doos was aan één hoek ingedeukt, dus het lijkt onderweg gebeurd te zijn.",
                "Ik heb alle verpakking bewaard.",
                "Er zat nauwelijks opvulmateriaal in de doos.",
            ),
            asks=(
                ("Kun je foto's sturen van de schade, de binnenkant van de doos en het verzendlabel?", ("Foto's in de bijlage: het artikel, de binnenkant van de doos en het label.", "Hierbij vier foto's.")),
                ("Was de buitendoos ook beschadigd? Zo ja, kun je daar een foto van sturen?", ("Ja, één kant was ingedeukt. Foto in de bijlage.", "De doos zag er van buiten gek genoeg goed uit. Toch een foto bijgevoegd.")),
            ),
            progress=(
                "Bedankt voor de foto's. We hebben een schadeclaim ingediend bij {carrier} (referentie {code}) en ik laat je weten wanneer we iets horen.",
                "Ik heb de foto's doorgestuurd naar ons magazijn, zodat zij kunnen kiezen tussen vervanging en terugbetaling.",
            ),
            resolutions=(
                "We sturen je vandaag een nieuw exemplaar van „{product}”. Het beschadigde artikel hoef je niet terug te sturen.",
                "We hebben {amount} teruggestort op je oorspronkelijke betaalmethode. Het beschadigde artikel mag je houden of weggooien.",
            ),
        ),
        Topic.WRONG_ITEM: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Verkeerd artikel ontvangen in bestelling {order}", "Bestelling {order}: niet wat ik besteld heb"),
                    problems=(
                        "Ik heb bestelling {order} vandaag ontvangen, maar in plaats van „{product}” zit er een heel ander artikel in de doos.",
                        "Het artikel „{product}” dat ik heb ontvangen heeft de verkeerde kleur.",
                    ),
                    asks=(("Kun je op het etiket van het artikel kijken en de productcode doorgeven?", ("Op het etiket staat {code}.", "Het is {code}, onder de barcode.")),),
                    resolutions=("Het juiste artikel is onderweg (trackingcode {tracking}). We hebben je ook een gratis retourlabel gemaild voor het verkeerde artikel.",),
                ),
                Scenario(
                    subjects=("Artikel ontbreekt in mijn bestelling", "Bestelling {order} onvolledig"),
                    problems=(
                        "Er ontbreekt een artikel in bestelling {order}: „{product}” zit niet in het pakket.",
                        "Bestelling {order} is aangekomen, maar „{product}” zat er niet bij.",
                    ),
                    asks=(("Zat er een briefje in het pakket dat een artikel apart zou worden nagestuurd?", ("Nee, er zat geen briefje bij.", "Nee, alleen de pakbon.")),),
                    resolutions=("We hebben „{product}” apart nagestuurd; het zou binnen 2 tot 3 werkdagen moeten aankomen. Trackingcode: {tracking}.",),
                ),
            ),
            details=(
                "Op de pakbon staat „{product}”, dus het lijkt een fout bij het orderpicken.",
                "De rest van de bestelling was in orde.",
            ),
            asks=(
                ("Kun je een foto sturen van wat je hebt ontvangen, samen met de pakbon?", ("Foto bijgevoegd, met de pakbon ernaast.", "Zeker, hierbij een foto van allebei.")),
            ),
            progress=(
                "Ik heb het magazijn gevraagd de inpakgegevens van bestelling {order} te controleren.",
                "Ons magazijn heeft een verwisseling bevestigd. Ik regel nu het juiste artikel.",
            ),
        ),
        Topic.ADDRESS_CHANGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Afleveradres wijzigen voor bestelling {order}", "Verkeerd adres op mijn bestelling", "Graag verzendadres aanpassen"),
                    problems=(
                        "Ik heb een fout gemaakt in het afleveradres van bestelling {order}.",
                        "Ik verhuis deze week. Kan het pakket van bestelling {order} naar mijn nieuwe adres?",
                        "Ik zie net dat bestelling {order} nog mijn oude adres heeft.",
                    ),
                ),
            ),
            details=(
                "Het juiste adres is {address}.",
                "Voor zover ik kan zien is het pakket nog niet opgehaald door {carrier}.",
            ),
            asks=(
                ("Kun je het volledige nieuwe adres sturen, inclusief postcode, en een telefoonnummer voor de bezorger?", ("Nieuw adres: {address}. Telefoon: {phone}.", "Het is {address}, en mijn nummer is {phone}.")),
                ("Is het pakket al op het oude adres bezorgd, of staat het in de track & trace nog onderweg?", ("Nog onderweg volgens {tracking}.", "Het is nog niet bezorgd, de status is nog onderweg.")),
            ),
            progress=(
                "Ik heb {carrier} gevraagd het pakket om te leiden. Vervoerders accepteren niet altijd een wijziging als het pakket al onderweg is, dus ik laat het je weten zodra ze reageren.",
                "Het verzoek om adreswijziging ligt bij {carrier} onder referentie {code}.",
            ),
            resolutions=(
                "Goed nieuws: {carrier} heeft de wijziging geaccepteerd en het pakket wordt bezorgd op {address}.",
                "{carrier} kon het adres niet meer wijzigen, dus het pakket komt naar ons terug. Zodra het binnen is, sturen we het zonder extra kosten opnieuw naar {address}.",
            ),
        ),
        Topic.RETURNED_TO_SENDER: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Pakket zonder reden retour afzender", "Waarom is bestelling {order} teruggestuurd?", "Retourpakket {tracking}"),
                    problems=(
                        "Mijn pakket {tracking} is teruggestuurd naar de winkel, terwijl het adres klopte.",
                        "Bij bestelling {order} staat \"retour afzender: geadresseerde onbekend\", maar ik woon hier al jaren.",
                        "{carrier} heeft nooit geprobeerd bestelling {order} te bezorgen en nu is het onderweg terug naar jullie.",
                    ),
                ),
            ),
            details=(
                "Mijn naam staat op de brievenbus en op de deur.",
                "Ik was op {date} de hele dag thuis en er is niemand geweest.",
            ),
            asks=(
                ("Kun je het volledige adres bevestigen en de naam op je brievenbus?", ("Het adres is {address}, en mijn naam staat op de brievenbus.", "{address}. De naam op de brievenbus is dezelfde als op de bestelling.")),
                ("Wil je dat we de bestelling opnieuw versturen zodra die terug is, of heb je liever je geld terug?", ("Graag opnieuw versturen. Ik zorg dat er iemand thuis is.", "Graag mijn geld terug, ik heb het inmiddels ergens anders gekocht.")),
            ),
            progress=(
                "We hebben bij {carrier} een klacht ingediend over de onterechte retourzending (referentie {code}).",
                "Het pakket is onderweg terug naar ons magazijn. Ik verstuur het opnieuw zodra het is ingescand.",
            ),
            resolutions=(
                "Het pakket is weer bij ons en we hebben het vandaag opnieuw verstuurd met trackingcode {tracking}. {carrier} heeft de kosten vergoed.",
                "We hebben het volledige bedrag van {amount} terugbetaald, inclusief verzendkosten.",
            ),
        ),
        Topic.RETURN_EXCHANGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Retourlabel voor bestelling {order}", "Ik wil mijn bestelling retourneren"),
                    problems=(
                        "Ik wil het artikel „{product}” uit bestelling {order} retourneren.",
                        "Hoe retourneer ik een deel van bestelling {order}?",
                    ),
                    asks=(("Wil je liever je geld terug of een tegoedbon?", ("Graag mijn geld terug.", "Een tegoedbon is prima.")),),
                    resolutions=("Je retourlabel zit in de bijlage. Print het, plak het op de doos en lever het pakket in bij een {carrier}-punt. Zodra we het ontvangen, storten we {amount} binnen 5 werkdagen terug.",),
                ),
                Scenario(
                    subjects=("Ruilen voor een andere maat", "Artikel ruilen"),
                    problems=(
                        "Het artikel „{product}” past niet, dus ik wil het ruilen voor een andere maat.",
                        "Kan ik „{product}” uit bestelling {order} ruilen voor een andere kleur?",
                    ),
                    asks=(("Welke maat of kleur wil je in plaats daarvan?", ("Eén maat groter, graag.", "Graag de grijze.")),),
                    resolutions=("We hebben je retour ontvangen en je ruilartikel is verzonden met trackingcode {tracking}.",),
                ),
            ),
            details=(
                "Het is ongebruikt en zit nog in de originele verpakking.",
                "Ik heb het op {date} ontvangen, dus ik zit nog binnen de retourtermijn.",
            ),
            asks=(
                ("Is het artikel ongebruikt en zitten de labels er nog aan?", ("Ja, ongebruikt en de labels zitten er nog aan.", "Ja, ik heb het maar één keer gepast.")),
            ),
            progress=(
                "Ik heb de retour in ons systeem aangemaakt. Je ontvangt het label zo per e-mail.",
                "We hebben je retour ontvangen en ons magazijn controleert het.",
            ),
        ),
        Topic.REFUND: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Verzoek om terugbetaling", "Terugbetaling voor bestelling {order}"),
                    problems=(
                        "Ik wil graag {amount} terug voor bestelling {order}.",
                        "Ik heb mijn bestelling op tijd geannuleerd, maar er is toch {amount} afgeschreven.",
                    ),
                    asks=(("Kun je de reden voor de terugbetaling doorgeven, zodat we het goed kunnen verwerken?", ("Het was toch niet wat ik zocht.", "Ik heb per ongeluk twee keer besteld.")),),
                ),
                Scenario(
                    subjects=("Waar blijft mijn terugbetaling?", "Terugbetaling niet ontvangen"),
                    problems=(
                        "Ik heb mijn retour op {date} verstuurd, maar ik heb mijn geld nog steeds niet terug.",
                        "Jullie hebben twee weken geleden een terugbetaling van {amount} beloofd, maar die is nog niet binnen.",
                    ),
                    asks=(("Heb je de trackingcode van je retourpakket?", ("Ja, het is {tracking}.", "Hier is hij: {tracking}.")),),
                ),
            ),
            details=(
                "Het bedrag is afgeschreven van de kaart die eindigt op {card}.",
                "De betalingsreferentie is {code}.",
            ),
            asks=(
                ("Kun je de laatste vier cijfers doorgeven van de kaart waarmee je hebt betaald, en de datum van de afschrijving?", ("Het is de kaart die eindigt op {card}, afgeschreven op {date}.", "Kaart eindigend op {card}. De afschrijving is van {date}.")),
            ),
            progress=(
                "Ik heb je verzoek doorgestuurd naar onze financiële afdeling voor goedkeuring.",
                "Je terugbetaling wordt verwerkt. Ik bevestig het zodra die is verstuurd.",
            ),
            resolutions=(
                "We hebben {amount} teruggestort op de kaart die eindigt op {card}. Afhankelijk van je bank kan het 5 tot 10 werkdagen duren voordat je het ziet.",
                "De terugbetaling van {amount} is vandaag verwerkt onder referentie {code}.",
            ),
        ),
    }
)
# fmt: on

TEXT = LanguageText(common=COMMON, topics=TOPICS)
