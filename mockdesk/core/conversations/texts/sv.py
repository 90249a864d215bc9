# ruff: noqa: E501  (one sentence per line reads better than wrapped prose)
"""Swedish: the topics of a Swedish web host's support desk (HostUp): web hosting, VPS, domains
and DNS, e-mail, backups, billing and sales. Informal "du", as Swedish support writes."""

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
    system_name="Support",
    after_greeting=lower_first_word,
    customer_greetings=("Hej,", "Hej!", "Hallå,", "Hej support,", "Hejsan,"),
    customer_pleas=(
        "Kan ni kolla på det?",
        "Tacksam för snabb hjälp.",
        "Vad ska jag göra?",
        "Tack på förhand!",
        "Hoppas ni kan hjälpa mig.",
        "Hör av er så snart ni kan.",
    ),
    customer_signoffs=("Mvh\n{customer}", "Med vänliga hälsningar\n{customer}", "Tack!\n{first}", "Hälsningar\n{first}", "/{first}"),
    anonymous_signoffs=("Mvh", "Tack!", "Hälsningar"),
    to_agent_greetings=("Hej {agent_first}!", "Hej igen,", "Hej {agent_first},"),
    agent_greetings=("Hej {first}!", "Hej {first},", "Hej {customer},", "Hejsan {first}!"),
    anonymous_agent_greetings=("Hej!", "Hej,", "Hejsan!"),
    first_openers=(
        "Tack för att du hör av dig.",
        "Tack för ditt meddelande!",
        "Vad tråkigt att höra, det ska vi lösa.",
        "Tack för en utförlig beskrivning.",
        "Jag har tagit ditt ärende.",
        "Tack för att du kontaktar oss.",
    ),
    ask_openers=("Tack för informationen.", "Tack, det hjälper.", "Toppen, tack!", "Tack för återkopplingen."),
    progress_openers=("Tack för ditt tålamod.", "En kort uppdatering:", "Tack för att du väntar."),
    resolve_openers=("Goda nyheter!", "Tack för ditt tålamod.", "Nu har jag en uppdatering."),
    agent_signoffs=("Med vänliga hälsningar\n{agent}", "Vänliga hälsningar\n{agent}", "Mvh\n{agent}", "Ha en fin dag!\n{agent}"),
    addenda=("En sak till:", "Glömde nämna:", "Ett tillägg:", "PS."),
    nudges=(
        "Har ni hunnit titta på det här?",
        "Hej igen, något nytt?",
        "Finns det någon uppdatering?",
        "Det har gått några dagar nu. Kan ni ge mig en uppdatering?",
        "Hallå? Jag väntar fortfarande på svar.",
    ),
    stills=(
        "Tack, men tyvärr kvarstår problemet.",
        "Jag har testat det, men det fungerar fortfarande inte.",
        "Det fungerade en dag, men nu händer det igen.",
        "Tyvärr, fortfarande samma sak här.",
    ),
    thanks=(
        "Toppen, tack!",
        "Perfekt, tack för hjälpen!",
        "Nu fungerar allt. Stort tack!",
        "Tack för hjälpen!",
        "Grymt, tack så mycket.",
        "Tack, ärendet kan stängas.",
    ),
    reminders=(
        "Jag vill bara stämma av: har du hunnit titta på min fråga? Vi behöver den informationen för att gå vidare.",
        "En vänlig påminnelse om att vi väntar på ditt svar. Kan du återkomma när du har en stund?",
        "Vi har inte hört något från dig än. Har du fortfarande problem?",
    ),
    close_no_reply=(
        "Eftersom vi inte har hört något från dig stänger jag ärendet tills vidare. Svara bara på det här mejlet om du fortfarande behöver hjälp, så öppnas det igen.",
        "Jag stänger ärendet då vi inte fått något svar. Om problemet kommer tillbaka kan du svara på det här mejlet, så tar vi det därifrån.",
    ),
    work_notes=(
        "Kollat kontohistoriken, inget konstigt.",
        "Bett en kollega i andra linjen titta på det. Ref {code}.",
        "Kunden har haft liknande problem tidigare, prioritera.",
        "Väntar på tredje part. Följ upp i morgon om inget hänt.",
        "Loggat som {code} i den interna trackern.",
        "Verifierat kundens identitet innan uppgifter lämnades ut.",
    ),
    closing_notes=(
        "Löst, stänger.",
        "Löst vid första kontakt, ingen uppföljning behövs.",
        "Grundorsaken dokumenterad i {code}.",
        "Lösning skickad, inget mer att göra från vår sida.",
    ),
    acknowledgements=(
        "Tack för ditt meddelande! Vi har tagit emot ditt ärende och återkommer så snart vi kan, oftast inom en arbetsdag.",
        "Det här är en automatisk bekräftelse: ditt ärende är registrerat och en av våra tekniker svarar inom kort.",
        "Vi har fått ditt meddelande! Ärenden besvaras i den ordning de kommer in.",
    ),
    solved_notices=("{agent} markerade ärendet som löst.", "Status ändrad till Löst av {agent}."),
    closed_notices=(
        "Ärendet stängdes automatiskt efter en tid utan svar. Svara för att öppna ett nytt ärende.",
        "Ärendet har stängts. Behöver du mer hjälp är det bara att svara, så öppnar vi det igen.",
        "Ärendet stängt.",
    ),
)

TOPICS = MappingProxyType(
    {
        Topic.REFUND: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Begäran om återbetalning", "Återbetalning av {amount}"),
                    problems=(
                        "Jag sa upp tjänsten inom ångerrätten men har ändå debiterats {amount}.",
                        "Jag vill ha tillbaka pengarna för förlängningen som drogs {date}, jag hade redan flyttat sajten.",
                    ),
                    asks=(("Kan du berätta varför du vill avsluta, så att vi hanterar det rätt?", ("Vi har flyttat till en annan leverantör.", "Vi behöver inte tjänsten längre.")),),
                ),
                Scenario(
                    subjects=("Var är min återbetalning?",),
                    problems=("Ni lovade en återbetalning på {amount} för två veckor sedan, men jag har inte fått något.",),
                    asks=(("Vilket datum fick du beskedet om återbetalningen?", ("Den {date}.", "Det var den {date}, i ett mejl från er.")),),
                ),
            ),
            details=(
                "Betalningen gjordes med kortet som slutar på {card}.",
                "Det gäller faktura {invoice}.",
            ),
            asks=(
                ("Kan du bekräfta de fyra sista siffrorna på kortet och datumet för dragningen?", ("Kortet slutar på {card}, dragningen gjordes {date}.", "{card}, och pengarna drogs {date}.")),
            ),
            progress=(
                "Jag har skickat din begäran till vår ekonomiavdelning för godkännande.",
                "Återbetalningen hanteras just nu, jag bekräftar när den är skickad.",
            ),
            resolutions=(
                "Vi har återbetalat {amount} till kortet som slutar på {card}. Beroende på din bank kan det ta 5–10 bankdagar innan pengarna syns.",
                "Återbetalningen på {amount} är genomförd i dag med referens {code}.",
            ),
        ),
        Topic.PAYMENT_ISSUE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Dubbeldragning", "Dragen två gånger"),
                    problems=("Jag har blivit debiterad två gånger för samma faktura: två dragningar på {amount} den {date}.",),
                    asks=(("Kan du skicka en skärmdump från banken som visar båda dragningarna?", ("Skärmdump bifogad, där syns båda dragningarna på {amount}.", "Bifogar, båda är markerade.")),),
                    resolutions=("Du har rätt, den andra dragningen var en dubblett. Vi har återbetalat {amount} och pengarna är tillbaka på kortet inom några dagar.",),
                ),
                Scenario(
                    subjects=("Betalningen går inte igenom", "Kortet nekas"),
                    problems=("Betalningen av faktura {invoice} misslyckas hela tiden, trots att kortet fungerar överallt annars.",),
                    asks=(("Vilket felmeddelande får du när betalningen misslyckas?", ("Det står bara \"Betalningen nekades\".", "\"Ditt kort nekades. Försök med ett annat betalsätt.\"")),),
                    resolutions=("Banken stoppade betalningen som en säkerhetsåtgärd. När du godkände den i bankappen gick den igenom, och faktura {invoice} är nu betald.",),
                ),
                Scenario(
                    subjects=("Betalat men fakturan står som obetald",),
                    problems=("Jag betalade {amount} den {date}, men fakturan står fortfarande som obetald i kundzonen.",),
                    asks=(("Kan du skicka betalningsreferensen eller ett kvitto på överföringen?", ("Referensen är {code}.", "Kvitto bifogat, referens {code}.")),),
                    resolutions=("Betalningen är nu kopplad till ditt konto och fakturan är markerad som betald.",),
                ),
            ),
            details=(
                "Transaktionsreferensen är {code}.",
                "Jag har testat två olika kort.",
                "Det gäller kortet som slutar på {card}.",
            ),
            asks=(
                ("Kan du bekräfta e-postadressen på ditt konto?", ("Det är {email}.", "Kontot står på {email}.")),
            ),
            progress=(
                "Jag har bett vår betalleverantör att titta på transaktion {code}.",
                "Ekonomi stämmer av betalningarna, jag återkommer senast i morgon.",
            ),
        ),
        Topic.INVOICE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Fel på faktura {invoice}", "Organisationsnummer saknas på fakturan"),
                    problems=("Faktura {invoice} har fel företagsnamn och saknar vårt organisationsnummer.",),
                    asks=(("Vilket företagsnamn, vilken adress och vilket organisationsnummer vill ni ha på fakturan?", ("Uppgifterna finns i bifogad fil.", "Adressen är {address}, organisationsnumret står i bifogad fil.")),),
                    resolutions=("Vi har skickat en korrigerad faktura med era företagsuppgifter. Den finns också under Fakturor i kundzonen.",),
                ),
                Scenario(
                    subjects=("Kopia på faktura {invoice}", "Hittar inte min faktura"),
                    problems=("Jag hittar inte faktura {invoice} i kundzonen. Kan ni skicka en kopia?",),
                    asks=(("Vilken e-postadress ska vi skicka kopian till?", ("Skicka den till {email}.", "{email}, vår ekonomiadress.")),),
                    resolutions=("Jag har bifogat en kopia av faktura {invoice}. Alla fakturor finns också under Fakturor i kundzonen.",),
                ),
                Scenario(
                    subjects=("Fråga om faktura {invoice}", "För högt belopp på fakturan"),
                    problems=("Jag tror att faktura {invoice} är fel: den är på {amount}, men vårt paket borde vara billigare.",),
                    asks=(("Vilken faktureringsperiod gäller det?", ("Perioden som började {date}.", "Den senaste, från {date}.")),),
                    resolutions=("Skillnaden beror på en proportionerlig debitering för paketbytet den {date}. Jag har bifogat en specifikation.",),
                ),
            ),
            details=(
                "Vår ekonomiavdelning behöver den före månadsskiftet.",
                "Vi har paketet {plan}.",
            ),
            asks=(
                ("Kan du bekräfta e-postadressen som fakturan skickades till?", ("Den gick till {email}.", "Till vår ekonomiadress, {email}.")),
            ),
            progress=(
                "Jag har bett vår ekonomiavdelning titta på fakturan.",
                "Jag går igenom fakturaraderna med vår faktureringsavdelning.",
            ),
        ),
        Topic.SUBSCRIPTION: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Säga upp tjänst", "Avsluta mitt webbhotell"),
                    problems=(
                        "Jag vill säga upp mitt webbhotell till slutet av nuvarande period.",
                        "Vi har flyttat sajten och vill avsluta vår VPS.",
                    ),
                    asks=(("Får jag fråga varför du säger upp tjänsten? Det hjälper oss att bli bättre.", ("Vi behöver den helt enkelt inte längre.", "Kunden vi hade sajten åt har lagt ner.")),),
                    resolutions=("Tjänsten är uppsagd och förnyas inte. Den fungerar som vanligt till periodens slut.",),
                ),
                Scenario(
                    subjects=("Uppgradera till {plan}", "Byta till ett större paket"),
                    problems=(
                        "Vi vill uppgradera till paketet {plan}.",
                        "Vår VPS räcker inte längre till, vi behöver mer minne.",
                    ),
                    asks=(("Ska ändringen gälla direkt eller från nästa förnyelse?", ("Direkt, tack.", "Från nästa förnyelse går bra.")),),
                    resolutions=("Paketet är uppgraderat. Mellanskillnaden på {amount} dras proportionerligt på nästa faktura.",),
                ),
            ),
            details=(
                "Tjänsten gäller {domain}.",
                "Kontot står på {email}.",
            ),
            asks=(
                ("Kan du bekräfta e-postadressen för kontoägaren?", ("Det är {email}.", "Kontot står på {email}.")),
            ),
            progress=(
                "Jag har lagt in ändringen och ekonomi bekräftar den via mejl.",
                "Jag har skickat det vidare till vår kundtjänst.",
            ),
        ),
        Topic.SALES_INQUIRY: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Fråga innan köp", "Funderar på att flytta till er"),
                    problems=(
                        "Vi funderar på att flytta till er och har några frågor innan vi beställer.",
                        "Vi planerar att flytta {count} sajter till er. Hjälper ni till med flytten?",
                    ),
                ),
                Scenario(
                    subjects=("Offert på {count} webbhotell", "Volymrabatt för byråer"),
                    problems=(
                        "Kan ni skicka en offert på {count} webbhotell med paketet {plan}?",
                        "Vi är en byrå med {count} kunder. Har ni någon volymrabatt?",
                    ),
                ),
            ),
            details=(
                "Vi vill gärna komma igång det här kvartalet.",
                "Vi behöver faktura per år.",
            ),
            asks=(
                ("Kan du berätta lite mer om er nuvarande miljö och hur ni räknar med att växa?", ("Ungefär {count} sajter i dag, troligen dubbelt så många nästa år.", "Vi har {count} WordPress-sajter i dag.")),
                ("Vill ni faktureras årsvis, eller räcker det med månadsvis?", ("Årsvis, tack.", "Månadsvis räcker till att börja med.")),
            ),
            progress=(
                "Jag har skickat din förfrågan till vår säljavdelning, de hör av sig inom en arbetsdag.",
                "Jag håller på att ta fram en offert åt er.",
            ),
            resolutions=(
                "Här är en offert för paketet {plan}: {amount} per månad, inklusive volymrabatt och gratis flytt.",
                "Vi kan erbjuda 20 % rabatt första året. Svara bara på det här mejlet när ni vill komma igång.",
            ),
        ),
        Topic.HOW_TO: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Byta PHP-version", "Hjälp med PHP-version"),
                    problems=("Hur byter jag PHP-version för {domain}?",),
                    resolutions=("Så här gör du:\n1. Logga in i kontrollpanelen.\n2. Välj \"Välj PHP-version\".\n3. Välj version 8.3 och klicka på Spara.",),
                ),
                Scenario(
                    subjects=("Skapa e-postkonto",),
                    problems=("Hur skapar jag ett nytt e-postkonto på {domain}?",),
                    resolutions=("Gå till E-postkonton i kontrollpanelen, klicka på \"Skapa\", fyll i adress och lösenord och spara. Kontot fungerar direkt.",),
                ),
                Scenario(
                    subjects=("Installera WordPress", "Fråga om mitt webbhotell"),
                    problems=("Hur installerar jag WordPress på mitt webbhotell?",),
                    resolutions=("Öppna Softaculous i kontrollpanelen, välj WordPress, fyll i domän och administratörsuppgifter och klicka på Installera. Det tar någon minut.",),
                ),
            ),
            details=(
                "Jag har letat i kunskapsbanken men inte hittat något.",
                "Det gäller domänen {domain}.",
            ),
            asks=(
                ("Vilken tjänst gäller det, om du har flera hos oss?", ("Webbhotellet för {domain}.", "Det gäller {domain}.")),
                ("Är du inloggad som huvudanvändare på kontot? Vissa inställningar syns bara för den.", ("Ja, jag är kontoägare.", "Jag vet inte. Hur kollar jag det?")),
            ),
            progress=(
                "Jag kollar med våra tekniker om det går på ditt paket.",
                "Jag skriver ihop stegen åt dig.",
            ),
        ),
        Topic.LOGIN_ACCESS: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Kan inte logga in i kontrollpanelen", "Inloggningen fungerar inte"),
                    problems=(
                        "Jag kan inte logga in i kontrollpanelen, den säger att lösenordet är fel.",
                        "Mitt konto verkar vara låst efter för många inloggningsförsök.",
                    ),
                    resolutions=("Jag har låst upp kontot och skickat en länk för att återställa lösenordet till {email}. Den gäller i 60 minuter.",),
                ),
                Scenario(
                    subjects=("Mejlet för nytt lösenord kommer inte fram",),
                    problems=("Jag har begärt ett nytt lösenord tre gånger men mejlet kommer aldrig.",),
                    resolutions=("Din e-postserver stoppade våra mejl. Jag har skickat en ny återställningslänk till {email}, den gäller i 60 minuter.",),
                ),
                Scenario(
                    subjects=("Tvåstegsverifiering fungerar inte",),
                    problems=("Koden för tvåstegsverifiering godkänns inte, fast jag skriver in den direkt.",),
                    asks=(("Är klockan i din telefon inställd automatiskt? Koderna fungerar inte om tiden skiljer mer än en minut.", ("Den var manuellt inställd, nu har jag ändrat till automatiskt.", "Den står redan på automatiskt.")),),
                    resolutions=("Jag har nollställt tvåstegsverifieringen. Nästa gång du loggar in får du ställa in den igen.",),
                ),
            ),
            details=(
                "Mitt användarnamn är {email}.",
                "Jag bytte telefon förra veckan, om det spelar någon roll.",
                "Det fungerade i går.",
            ),
            asks=(
                ("Kan du bekräfta e-postadressen på kontot?", ("Det är {email}.", "Kontot står på {email}.")),
                ("Får du något felmeddelande? En skärmdump skulle hjälpa.", ("Inget fel, sidan laddas bara om.", "Skärmdump bifogad.")),
            ),
            progress=(
                "Av säkerhetsskäl verifierar vi kontot innan vi gör några ändringar.",
                "Jag kollar inloggningsloggarna för ditt konto.",
            ),
        ),
        Topic.ACCOUNT_CHANGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Ändra e-postadress på kontot",),
                    problems=("Jag vill ändra e-postadressen på vårt konto till {email}.",),
                ),
                Scenario(
                    subjects=("Ändra fakturaadress", "Ny adress för fakturor"),
                    problems=("Vi har flyttat kontoret. Uppdatera gärna vår fakturaadress till {address}.",),
                ),
                Scenario(
                    subjects=("Byta kontoinnehavare",),
                    problems=("Vi har sålt företaget och vill flytta kontot till de nya ägarna.",),
                ),
            ),
            details=(
                "Jag kommer inte längre åt den gamla e-postadressen.",
                "Kontot står på mig.",
            ),
            asks=(
                ("Av säkerhetsskäl, kan du bekräfta de fyra sista siffrorna på det registrerade kortet?", ("Det slutar på {card}.", "Kortet slutar på {card}.")),
                ("Kan du skicka begäran från den e-postadress som står på kontot nu?", ("Klart, jag har skickat från den gamla adressen.", "Det går inte, jag kommer inte åt den längre. Vad kan jag göra i stället?")),
            ),
            progress=(
                "Jag har skickat en verifieringslänk till den e-postadress som står på kontot.",
                "Ändringen ligger hos vår kundtjänst för godkännande.",
            ),
            resolutions=(
                "Klart! Dina kontouppgifter är uppdaterade.",
                "Ändringen är genomförd, du får en bekräftelse via mejl inom kort.",
            ),
        ),
        Topic.OUTAGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Sajten ligger nere, fel {http_status}", "Sidan går inte att nå"),
                    problems=(
                        "Sedan i morse visar {domain} fel {http_status} för alla besökare.",
                        "Vår webbplats går inte att nå alls.",
                    ),
                    resolutions=("En trasig disk i servern orsakade felet. Den är utbytt och allt fungerar som vanligt igen.",),
                ),
                Scenario(
                    subjects=("Sajten är väldigt långsam", "Allt går segt i dag"),
                    problems=("Sedan i går är sajten extremt långsam, sidorna tar över 30 sekunder att ladda.",),
                    resolutions=("En annan kund på samma server använde alldeles för mycket resurser. Vi har flyttat dem och svarstiderna är normala igen.",),
                ),
                Scenario(
                    subjects=("VPS:en svarar inte", "Servern startade om oväntat"),
                    problems=(
                        "Vår VPS på {ip} svarar inte på ping eller SSH.",
                        "Vår VPS startade om mitt i natten utan att vi gjort något.",
                    ),
                    resolutions=("Värdmaskinen för din VPS hade ett hårdvarufel. Vi har flyttat VPS:en till en annan maskin och den är igång igen.",),
                ),
            ),
            details=(
                "Serverns IP-adress är {ip}.",
                "Vi har inte ändrat något på vår sida.",
                "Vi tappar beställningar för varje minut det här pågår.",
            ),
            asks=(
                ("Kan du skicka en skärmdump av felet och berätta när det började?", ("Skärmdump bifogad, det började runt sju i morse.", "Bifogar. Första felet i vår logg är från för ungefär en timme sedan.")),
                ("Händer det från alla nätverk, till exempel från mobilen via mobildata också?", ("Ja, samma sak på mobildata.", "På mobildata fungerar det, men inte från kontoret.")),
            ),
            progress=(
                "Våra tekniker har hittat orsaken och jobbar på en lösning. Jag återkommer så fort den är på plats.",
                "Jag har eskalerat det här till vår driftavdelning som en prioriterad incident, referens {code}.",
            ),
        ),
        Topic.DOMAIN_DNS: TopicText(
            scenarios=(
                Scenario(
                    subjects=("DNS-ändringar slår inte igenom för {domain}", "Byta namnservrar"),
                    problems=(
                        "Jag ändrade DNS-posterna för {domain} i går, men den gamla IP-adressen syns fortfarande.",
                        "{domain} pekar fortfarande på den gamla servern trots att jag bytt namnservrar.",
                    ),
                    asks=(("Kan du bekräfta vilka namnservrar {domain} använder nu?", ("Jag tror att det fortfarande är den gamla registrarens.", "Jag kollade nyss, de pekar på era.")),),
                    resolutions=("DNS-zonen pekar nu på {ip}. Det kan ta några timmar innan ändringen nått alla nätverk, men de flesta ser den redan.",),
                ),
                Scenario(
                    subjects=("Flytta {domain} till er", "EPP-kod för flytt"),
                    problems=("Jag vill flytta {domain} till er. Var anger jag EPP-koden?",),
                    asks=(("Har du låst upp domänen hos din nuvarande registrar och begärt flyttkoden?", ("Ja, den är upplåst och jag har koden.", "Inte än, jag gör det nu.")),),
                    progress=("Jag har startat flytten av {domain}. Nuvarande registrar har upp till fem dagar på sig att godkänna den.",),
                    resolutions=("Flytten av {domain} är klar och dina DNS-poster följde med oförändrade.",),
                ),
                Scenario(
                    subjects=("SSL-certifikatet för {domain} förnyas inte",),
                    problems=("SSL-certifikatet för {domain} har gått ut och förnyades inte automatiskt.",),
                    progress=("Jag har bett vår certifikattjänst att utfärda ett nytt certifikat för {domain}.",),
                    resolutions=("Ett nytt certifikat är utfärdat för {domain} och den automatiska förnyelsen fungerar igen.",),
                ),
                Scenario(
                    subjects=("Reverse DNS för min IP",),
                    problems=("Kan ni sätta reverse DNS för {ip} till mail.{domain}?",),
                    resolutions=("Reverse DNS för {ip} pekar nu på mail.{domain}. Det kan ta någon timme innan det syns överallt.",),
                ),
            ),
            details=(
                "A-posten ska peka på {ip}.",
                "Det är vår huvuddomän, så jag vill gärna få det löst snabbt.",
            ),
            asks=(
                ("Är {domain} registrerad på samma konto som du skriver från?", ("Ja, samma konto.", "Ja, den ligger på det här kontot.")),
                ("Använder du våra namnservrar för {domain} eller en extern DNS-leverantör?", ("Era.", "Extern, hos vår gamla registrar.")),
            ),
            progress=(
                "Jag kollar zonen för {domain} nu.",
                "Jag har bett vårt domänteam titta på det.",
            ),
        ),
        Topic.EMAIL_DELIVERY: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Mejl kommer inte fram till {email}", "Ingen inkommande e-post"),
                    problems=("Sedan i går har inga mejl kommit fram till {email}.",),
                    asks=(("Kan du skicka hela studsmeddelandet som avsändarna får?", ("Bifogat. Det står \"550 mailbox unavailable\".", "Här är det, det står att brevlådan är full.")),),
                    resolutions=("Din brevlåda var full. Jag har ökat kvoten och nu kommer nya mejl fram igen.",),
                ),
                Scenario(
                    subjects=("Våra mejl hamnar i skräpposten",),
                    problems=("Allt vi skickar från {domain} hamnar i kundernas skräppost.",),
                    resolutions=("SPF-posten för {domain} saknades. Jag har lagt till den, och era mejl bör hamna i inkorgen igen inom några timmar.",),
                ),
                Scenario(
                    subjects=("Kan inte skicka e-post",),
                    problems=("Jag kan ta emot e-post men inte skicka, det blir ett autentiseringsfel.",),
                    asks=(("Vilket e-postprogram använder du, och vilken utgående server och port är inställd?", ("Outlook med port 587.", "Apple Mail, port 465 med SSL.")),),
                    resolutions=("Den utgående servern kräver autentisering. Kryssa i \"Utgående server kräver autentisering\" och använd port 587, så fungerar det.",),
                ),
            ),
            details=(
                "Det gäller brevlådan {email}.",
                "Vi skickar ungefär {count} mejl om dagen, inget konstigt.",
            ),
            asks=(
                ("Gäller det alla brevlådor på {domain} eller bara en?", ("Bara {email} vad jag vet.", "Alla, tror jag.")),
                ("När började det, och ändrade ni något runt den tiden?", ("I går eftermiddag, och vi har inte ändrat något.", "Runt {date}. Vi lade till ett nytt kontaktformulär då.")),
            ),
            progress=(
                "Jag har bett vårt e-postteam kolla loggarna för {email}.",
                "Jag går igenom e-postserverns loggar och DNS-posterna för {domain}.",
            ),
        ),
        Topic.BACKUP_RESTORE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Återställa backup från i går", "Råkade radera filer"),
                    problems=("Jag råkade radera en mapp på {domain}. Kan ni återställa gårdagens backup?",),
                ),
                Scenario(
                    subjects=("Återställa snapshot",),
                    problems=("En plugin-uppdatering förstörde vår sajt. Kan ni återställa snapshoten från {date}?",),
                ),
                Scenario(
                    subjects=("Databasen skrevs över",),
                    problems=("Vår databas skrevs över vid en import. Finns det en backup från före {date}?",),
                ),
            ),
            details=(
                "Det är bara webbplatsen som behöver återställas, inte e-posten.",
                "Rör gärna inget annat på servern.",
            ),
            asks=(
                ("Ska vi återställa hela kontot eller bara vissa mappar eller databaser?", ("Bara mappen public_html, tack.", "Bara databasen, tack.")),
                ("Återställningen skriver över allt som ändrats sedan dess. Är det okej?", ("Ja, det går bra.", "Ja, kör.")),
            ),
            progress=(
                "Återställningen har startat. Beroende på storleken kan det ta upp till en timme.",
                "Jag har hittat backupen från {date} och förbereder återställningen.",
            ),
            resolutions=(
                "Backupen från {date} är återställd. Kolla gärna att allt ser rätt ut.",
                "Återställningen är klar och sajten är uppe igen.",
            ),
        ),
    }
)
# fmt: on

TEXT = LanguageText(common=COMMON, topics=TOPICS)
