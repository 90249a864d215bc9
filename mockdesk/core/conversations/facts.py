"""Concrete details for a conversation (order, tracking number, amount, address...), drawn from
the ticket's own random source and written the way each language writes them.

Support messages read as real when they quote specifics; the same specifics must come out for
the same seed on every machine, so everything here is plain ``Random`` calls over tuples (no
Faker, no ``hash()``, no set iteration).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from random import Random
from types import MappingProxyType

from mockdesk.core.conversations.model import Facts, Language

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def persian_digits(text: str) -> str:
    """Persian prose writes numbers with Persian digits (identifiers stay as the system shows
    them)."""
    return text.translate(_PERSIAN_DIGITS)


def gregorian_to_jalali(day: date) -> tuple[int, int, int]:
    """The Solar Hijri (Jalali) date: what an Iranian customer writes, by the arithmetic rule
    used across Iranian software (exact for 1900–2100)."""
    gy, gm, gd = day.year, day.month, day.day
    cumulative = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
    gy2 = gy + 1 if gm > 2 else gy
    days = (
        355666 + 365 * gy + (gy2 + 3) // 4 - (gy2 + 99) // 100 + (gy2 + 399) // 400
        + gd + cumulative[gm - 1]
    )  # fmt: skip
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    if days < 186:
        return jy, 1 + days // 31, 1 + days % 31
    return jy, 7 + (days - 186) // 30, 1 + (days - 186) % 30


_MONTHS: Mapping[Language, tuple[str, ...]] = MappingProxyType(
    {
        Language.EN: ("January", "February", "March", "April", "May", "June", "July",
                      "August", "September", "October", "November", "December"),
        Language.SV: ("januari", "februari", "mars", "april", "maj", "juni", "juli",
                      "augusti", "september", "oktober", "november", "december"),
        Language.NL: ("januari", "februari", "maart", "april", "mei", "juni", "juli",
                      "augustus", "september", "oktober", "november", "december"),
        Language.DE: ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                      "August", "September", "Oktober", "November", "Dezember"),
        Language.FR: ("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                      "août", "septembre", "octobre", "novembre", "décembre"),
        Language.FA: ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                      "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"),
    }
)  # fmt: skip


def format_date(day: date, language: Language) -> str:
    """A day as a customer writes it in a message: "12 October", "12. Oktober", "۲۱ مهر"."""
    if language is Language.FA:
        _, month, dom = gregorian_to_jalali(day)
        return persian_digits(f"{dom} {_MONTHS[language][month - 1]}")
    month_name = _MONTHS[language][day.month - 1]
    if language is Language.DE:
        return f"{day.day}. {month_name}"
    if language is Language.FR and day.day == 1:
        return f"1er {month_name}"
    return f"{day.day} {month_name}"


def format_number(value: int, language: Language) -> str:
    return persian_digits(str(value)) if language is Language.FA else str(value)


def format_amount(rng: Random, language: Language) -> str:
    """A plausible sum of money in the currency and notation the language's customers use."""
    cents = rng.randrange(900, 48_000)
    whole, frac = divmod(cents, 100)
    if language is Language.EN:
        symbol = rng.choice(("$", "£", "€"))
        return f"{symbol}{whole:,}.{frac:02d}"
    if language is Language.SV:
        return f"{cents // 10:,} kr".replace(",", "\u00a0")
    if language is Language.FA:
        rials = rng.randrange(50, 5_000) * 10_000
        if rng.random() < 0.5:
            return persian_digits(f"{rials:,}".replace(",", "٬")) + " ریال"
        return persian_digits(f"{rials // 10:,}".replace(",", "٬")) + " تومان"
    grouped = f"{whole:,}".replace(",", "." if language is not Language.FR else "\u00a0")
    if language is Language.NL:
        return f"€ {grouped},{frac:02d}"
    return f"{grouped},{frac:02d} €"


def _letters(rng: Random, count: int) -> str:
    return "".join(rng.choice(_UPPER) for _ in range(count))


def _digits(rng: Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


# How each carrier's tracking numbers look, so a tracking number matches its carrier.
_TRACKING: Mapping[str, Callable[[Random], str]] = MappingProxyType(
    {
        "PostNL": lambda r: f"3S{_letters(r, 4)}{_digits(r, 7)}",
        "DHL": lambda r: f"JVGL{_digits(r, 14)}",
        "DPD": lambda r: f"0{_digits(r, 13)}",
        "UPS": lambda r: f"1Z{_letters(r, 3)}{_digits(r, 3)}68{_digits(r, 8)}",
        "GLS": lambda r: _digits(r, 11),
        "FedEx": lambda r: _digits(r, 12),
        "Royal Mail": lambda r: f"{_letters(r, 2)}{_digits(r, 9)}GB",
        "Evri": lambda r: f"H{_digits(r, 2)}{_letters(r, 3)}{_digits(r, 10)}",
        "bpost": lambda r: f"32{_digits(r, 22)}",
        "Hermes": lambda r: f"H{_digits(r, 19)}",
        "Colissimo": lambda r: f"6A{_digits(r, 11)}",
        "Chronopost": lambda r: f"X{_letters(r, 1)}{_digits(r, 9)}FR",
        "Mondial Relay": lambda r: _digits(r, 8),
        "PostNord": lambda r: f"{_letters(r, 2)}{_digits(r, 9)}SE",
        "Bring": lambda r: f"70{_digits(r, 15)}",
        "پست پیشتاز": lambda r: _digits(r, 24),
        "تیپاکس": lambda r: _digits(r, 12),
        "چاپار": lambda r: _digits(r, 10),
    }
)

_CARRIERS: Mapping[Language, tuple[str, ...]] = MappingProxyType(
    {
        Language.EN: ("Royal Mail", "DPD", "Evri", "DHL", "UPS", "FedEx"),
        Language.NL: ("PostNL", "PostNL", "DHL", "DPD", "bpost", "UPS"),
        Language.DE: ("DHL", "DHL", "Hermes", "DPD", "GLS", "UPS"),
        Language.FR: ("Colissimo", "Colissimo", "Chronopost", "Mondial Relay", "DPD", "UPS"),
        Language.SV: ("PostNord", "PostNord", "DHL", "Bring", "UPS"),
        Language.FA: ("پست پیشتاز", "تیپاکس", "چاپار"),
    }
)

_PRODUCTS: Mapping[Language, tuple[str, ...]] = MappingProxyType(
    {
        Language.EN: ("ceramic pour-over set", "merino wool scarf", "wireless earbuds",
                      "cast-iron skillet", "linen duvet cover", "trail running shoes",
                      "stainless steel bottle", "bamboo cutting board", "LED desk lamp",
                      "weighted blanket"),
        Language.NL: ("Koffiemolen Barista", "Merino sjaal", "Draadloze oordopjes Pro",
                      "Gietijzeren pan 28 cm", "Linnen dekbedovertrek", "Bureaulamp LED",
                      "RVS drinkfles 750 ml", "Verzwaringsdeken 7 kg"),
        Language.DE: ("Kaffeemühle Barista", "Merino-Schal", "Kabellose Ohrhörer Pro",
                      "Gusseisenpfanne 28 cm", "Leinen-Bettbezug", "LED-Schreibtischlampe",
                      "Edelstahl-Trinkflasche", "Gewichtsdecke 7 kg"),
        Language.FR: ("Moulin à café Barista", "Écharpe en mérinos", "Écouteurs sans fil Pro",
                      "Poêle en fonte 28 cm", "Housse de couette en lin", "Lampe de bureau LED",
                      "Gourde inox 750 ml", "Couverture lestée 7 kg"),
        Language.SV: ("Kaffekvarn Barista", "Merinohalsduk", "Trådlösa hörlurar Pro",
                      "Gjutjärnspanna 28 cm", "Påslakan i linne", "LED-skrivbordslampa",
                      "Termosflaska 750 ml", "Tyngdtäcke 7 kg"),
        Language.FA: ("هدفون بی‌سیم", "کتری برقی", "ساعت هوشمند", "کیف لپ‌تاپ",
                      "چراغ مطالعه", "کفش کوهنوردی", "ماگ سرامیکی", "پاوربانک"),
    }
)  # fmt: skip

_PLANS: Mapping[Language, tuple[str, ...]] = MappingProxyType(
    {
        Language.EN: ("Starter", "Pro", "Business", "Enterprise"),
        Language.SV: ("Start", "Plus", "Pro", "Business"),
        Language.NL: ("Basic", "Pro", "Business"),
        Language.DE: ("Basic", "Pro", "Business"),
        Language.FR: ("Essentiel", "Pro", "Business"),
        Language.FA: ("برنزی", "نقره‌ای", "طلایی", "الماسی"),
    }
)

_DOMAIN_PARTS: Mapping[Language, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = (
    MappingProxyType(
        {
            Language.EN: (("bright", "north", "pixel", "blue", "oak", "river", "clever", "maple"),
                          ("leaf", "wind", "forge", "harbor", "studio", "labs", "works", "goods"),
                          (".com", ".com", ".co.uk", ".io", ".net")),
            Language.SV: (("fjall", "skog", "norr", "bageri", "snickeri", "cykel", "sjo"),
                          ("butiken", "verkstan", "huset", "gruppen", "konsult", "kompaniet"),
                          (".se", ".se", ".se", ".nu", ".com")),
            Language.NL: (("fiets", "kaas", "bloemen", "koffie", "dak", "tuin"),
                          ("winkel", "huis", "expert", "boer", "centrale"),
                          (".nl", ".nl", ".com", ".be")),
            Language.DE: (("kaffee", "berg", "garten", "holz", "rad", "wein"),
                          ("kontor", "laden", "werk", "haus", "manufaktur"),
                          (".de", ".de", ".com", ".at")),
            Language.FR: (("atelier-", "fromagerie-", "maison-", "jardin-", "cave-"),
                          ("dupont", "lumiere", "provence", "martin", "bernard"),
                          (".fr", ".fr", ".com")),
            Language.FA: (("arya", "pars", "negin", "sepehr", "kavir", "setareh", "ofogh"),
                          ("shop", "co", "net", "sms", "market", "tech"),
                          (".ir", ".ir", ".com", ".net")),
        }
    )
)  # fmt: skip

_MAILBOXES: Mapping[Language, tuple[str, ...]] = MappingProxyType(
    {
        Language.EN: ("info", "hello", "support", "accounts", "orders"),
        Language.SV: ("info", "kontakt", "order", "ekonomi"),
        Language.NL: ("info", "contact", "klantenservice", "administratie"),
        Language.DE: ("info", "kontakt", "service", "buchhaltung"),
        Language.FR: ("contact", "info", "service", "compta"),
        Language.FA: ("info", "support", "sales", "admin"),
    }
)


def _generic_tracking(rng: Random) -> str:
    """An S10-style number (two letters, nine digits, a country), as postal carriers use."""
    return f"{_letters(rng, 2)}{_digits(rng, 9)}NL"


def _address(rng: Random, language: Language) -> str:
    number = rng.randrange(1, 120)
    if language is Language.EN:
        street = rng.choice(("Station Road", "Mill Lane", "Church Street", "Victoria Road",
                             "Park Avenue", "Queen Street", "High Street"))  # fmt: skip
        city, area = rng.choice((("Leeds", "LS"), ("Bristol", "BS"), ("Manchester", "M"),
                                 ("Glasgow", "G"), ("Cardiff", "CF")))  # fmt: skip
        postcode = f"{area}{rng.randrange(1, 20)} {rng.randrange(1, 10)}{_letters(rng, 2)}"
        return f"{number} {street}, {city} {postcode}"
    if language is Language.NL:
        street = rng.choice(("Dorpsstraat", "Kerkstraat", "Stationsweg", "Molenweg",
                             "Prinsengracht", "Julianalaan"))  # fmt: skip
        city, start = rng.choice((("Utrecht", 3511), ("Amsterdam", 1011), ("Rotterdam", 3011),
                                  ("Eindhoven", 5611), ("Groningen", 9711)))  # fmt: skip
        return f"{street} {number}, {start + rng.randrange(80)} {_letters(rng, 2)} {city}"
    if language is Language.DE:
        street = rng.choice(("Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee",
                             "Schillerstraße", "Goethestraße"))  # fmt: skip
        city, start = rng.choice((("Berlin", 10115), ("Hamburg", 20095), ("München", 80331),
                                  ("Köln", 50667), ("Leipzig", 4103)))  # fmt: skip
        return f"{street} {number}, {start + rng.randrange(60):05d} {city}"
    if language is Language.FR:
        street = rng.choice(("rue de la République", "avenue Jean Jaurès", "rue Victor Hugo",
                             "boulevard Voltaire", "rue des Lilas"))  # fmt: skip
        city, start = rng.choice((("Lyon", 69001), ("Paris", 75001), ("Marseille", 13001),
                                  ("Nantes", 44000), ("Lille", 59000)))  # fmt: skip
        return f"{number} {street}, {start + rng.randrange(9)} {city}"
    if language is Language.SV:
        street = rng.choice(("Storgatan", "Drottninggatan", "Kungsgatan", "Vasagatan",
                             "Skolgatan", "Järnvägsgatan"))  # fmt: skip
        city, start = rng.choice((("Stockholm", 111), ("Göteborg", 411), ("Malmö", 211),
                                  ("Uppsala", 753), ("Umeå", 903)))  # fmt: skip
        return f"{street} {number}, {start + rng.randrange(6)} {rng.randrange(10, 99)} {city}"
    city = rng.choice(("تهران", "اصفهان", "شیراز", "مشهد", "تبریز"))
    street = rng.choice(("ولیعصر", "انقلاب", "شریعتی", "آزادی", "فردوسی"))
    alley = rng.choice(("گلستان", "نسترن", "بهار", "یاس", "لاله"))
    return persian_digits(f"{city}، خیابان {street}، کوچه {alley}، پلاک {number}")


def _phone(rng: Random, language: Language) -> str:
    if language is Language.EN:
        return f"+44 7700 900{_digits(rng, 3)}"
    if language is Language.SV:
        prefix = rng.choice(("070", "072", "073", "076"))
        return f"{prefix}-{_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}"
    if language is Language.NL:
        return f"06-{_digits(rng, 8)}"
    if language is Language.DE:
        return f"{rng.choice(('0151', '0160', '0170', '0176'))} {_digits(rng, 8)}"
    if language is Language.FR:
        pairs = " ".join(_digits(rng, 2) for _ in range(4))
        return f"{rng.choice(('06', '07'))} {pairs}"
    return f"09{rng.choice(('12', '19', '35', '36', '01', '10'))}{_digits(rng, 7)}"


def draw_facts(rng: Random, language: Language, opened_at: datetime, **known: str) -> Facts:
    """Every detail a template may quote, for a ticket opened at ``opened_at``.

    ``known`` replaces drawn values by name (``order="104233"``, ``carrier="PostNL"``) so the
    text quotes the vendor's own fields. All values are drawn either way, so passing a value
    never shifts the ones after it. An unknown name raises ``TypeError``.
    """
    year = opened_at.year
    drawn_carrier = rng.choice(_CARRIERS[language])
    carrier = known.get("carrier") or drawn_carrier
    # Tracking formats use different numbers of draws; a sub-source keeps the draws after it
    # the same whichever carrier (drawn or passed in) the number is for.
    tracking = _TRACKING.get(carrier, _generic_tracking)(Random(rng.getrandbits(64)))
    number = rng.randrange(100_000, 400_000)
    if language is Language.EN:
        order = rng.choice((f"#{number}", f"#{number}", f"ORD-{year}-{number % 100_000:05d}"))
    else:
        order = rng.choice((str(number), str(number), f"ORD-{year}-{number % 100_000:05d}"))
    product = rng.choice(_PRODUCTS[language])
    amount = format_amount(rng, language)
    invoice_number = rng.randrange(10_000, 99_999)
    invoice = (
        str(invoice_number * 10 + rng.randrange(10))
        if language in (Language.SV, Language.FA)
        else f"INV-{year}-{invoice_number:05d}"
    )
    day = (opened_at - timedelta(days=rng.randrange(1, 15))).date()
    firsts, seconds, tlds = _DOMAIN_PARTS[language]
    domain = f"{rng.choice(firsts)}{rng.choice(seconds)}{rng.choice(tlds)}"
    email = f"{rng.choice(_MAILBOXES[language])}@{domain}"
    address = _address(rng, language)
    line = f"{rng.choice(('3000', '5000', '2000', '9000', '1000'))}{rng.randrange(10**4, 10**8)}"
    phone = _phone(rng, language)
    code = "".join(rng.choice(_CODE_ALPHABET) for _ in range(8))
    first_octet = rng.choice((45, 79, 91, 149, 185, 193, 212))
    ip = f"{first_octet}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    facts = Facts(
        order=order,
        tracking=tracking,
        carrier=carrier,
        product=product,
        amount=amount,
        invoice=invoice,
        date=format_date(day, language),
        domain=domain,
        email=email,
        address=address,
        line=line,
        phone=phone,
        code=code,
        ip=ip,
        plan=rng.choice(_PLANS[language]),
        card=format_number(rng.randrange(1000, 10_000), language),
        days=format_number(rng.randrange(3, 11), language),
        count=format_number(rng.randrange(2, 41), language),
        http_status=rng.choice(("500", "502", "503", "504")),
    )
    return replace(facts, **known) if known else facts
