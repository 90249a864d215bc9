"""The bytes behind a HostUp attachment's ``downloadUrl``: a file that fits its ticket.

A screenshot is a PNG, ``invoice.pdf`` a one-page HostUp invoice in the ticket's language,
``error.log`` web-server and PHP error lines for the ticket's site that stop before the
message that carried the file was sent, ``config.txt`` the kind of configuration a customer
pastes. Every file is exactly ``byteLength`` bytes (:mod:`mockdesk.core.attachments`) and a pure
function of the ticket, the message and the attachment, so the same seed serves the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from random import Random

from mockdesk.core.attachments import file_bytes, stream
from mockdesk.vendors.hostup.data import Attachment, Message, Ticket

_LOG_LINES = (
    '{t:%Y/%m/%d %H:%M:%S} [error] {pid}#{pid}: *{n} FastCGI sent in stderr: "PHP message: PHP '
    "Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate {b} bytes) "
    'in /home/{user}/public_html/wp-includes/class-wpdb.php on line 2349" while reading response '
    'header from upstream, client: {ip}, server: {host}, request: "GET {path} HTTP/2.0"',
    "{t:%Y/%m/%d %H:%M:%S} [error] {pid}#{pid}: *{n} upstream timed out (110: Connection timed "
    "out) while reading response header from upstream, client: {ip}, server: {host}, request: "
    '"POST {path} HTTP/2.0", upstream: "fastcgi://unix:/run/php/php8.2-fpm-{user}.sock"',
    '[{t:%d-%b-%Y %H:%M:%S} UTC] PHP Warning:  Undefined array key "{key}" in '
    "/home/{user}/public_html/wp-content/plugins/{plugin}/includes/class-loader.php on line {line}",
    "[{t:%d-%b-%Y %H:%M:%S} UTC] PHP Fatal error:  Uncaught mysqli_sql_exception: Too many "
    "connections in /home/{user}/public_html/wp-includes/class-wpdb.php:1987",
    '{ip} - - [{t:%d/%b/%Y:%H:%M:%S} +0000] "GET {path} HTTP/2.0" 500 {b} "-" "Mozilla/5.0 '
    "(Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 "
    'Safari/537.36"',
    '{ip} - - [{t:%d/%b/%Y:%H:%M:%S} +0000] "POST /wp-login.php HTTP/1.1" 503 {b} "-" "curl/8.5.0"',
    "{t:%Y/%m/%d %H:%M:%S} [crit] {pid}#{pid}: *{n} SSL_do_handshake() failed (SSL: "
    "error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: {ip}, server: "
    "0.0.0.0:443",
)
_PATHS = ("/", "/wp-admin/", "/shop/", "/checkout/", "/wp-json/wc/v3/orders", "/kontakt/",
          "/?s=test", "/wp-cron.php", "/xmlrpc.php", "/produkt/t-shirt/")  # fmt: skip
_PLUGINS = ("woocommerce", "elementor", "wordfence", "contact-form-7", "yoast-seo", "wpml")
_KEYS = ("HTTP_HOST", "page_id", "billing_country", "lang", "redirect_to")
_INVOICE_ITEMS = (
    ("Webbhotell Start", "Web hosting Start", 39),
    ("Webbhotell Pro", "Web hosting Pro", 99),
    ("VPS M (2 vCPU, 4 GB)", "VPS M (2 vCPU, 4 GB)", 199),
    ("VPS L (4 vCPU, 8 GB)", "VPS L (4 vCPU, 8 GB)", 349),
    ("Domänförnyelse .se", "Domain renewal .se", 149),
    ("Domänförnyelse .com", "Domain renewal .com", 169),
    ("Extra IPv4-adress", "Additional IPv4 address", 45),
)


def attachment_bytes(ticket: Ticket, message: Message, attachment: Attachment) -> bytes:
    """The file ``attachment`` holds, exactly ``byte_length`` bytes."""
    key = f"{ticket.id}:{attachment.id}"
    rng = Random(int.from_bytes(stream(f"{key}:content", 8), "big"))
    host = _hostname(ticket)
    if attachment.filename.endswith(".log"):
        lines: Iterator[str] = _log_lines(rng, host, message.sent_at, attachment.byte_length)
    else:
        lines = _config_lines(rng, host)
    return file_bytes(
        key,
        attachment.content_type,
        attachment.byte_length,
        lines=lines,
        page=_invoice(rng, ticket, message),
    )


def _hostname(ticket: Ticket) -> str:
    for service in ticket.linked_services:
        if service.service_type in ("hosting", "domain") and service.service_name:
            return service.service_name
    return f"{ticket.number}.hostup.site"


def _log_lines(rng: Random, host: str, before: datetime, length: int) -> Iterator[str]:
    """Error-log lines in time order that all fall before ``before``: the start is set back far
    enough that even the shortest lines, at the widest spacing, end before it."""
    most = length // 60 + 2  # no line is shorter than 60 bytes
    moment = before - timedelta(seconds=20 * most + rng.randrange(60, 3600))
    user = host.split(".")[0][:12] or "web"
    for n in range(10**9):
        moment += timedelta(seconds=rng.randrange(1, 21))
        yield rng.choice(_LOG_LINES).format(
            t=moment,
            pid=rng.randrange(800, 4000),
            n=1000 + n * rng.randrange(1, 9),
            b=rng.randrange(200, 80_000),
            user=user,
            ip=_client_address(rng),
            host=host,
            path=rng.choice(_PATHS),
            key=rng.choice(_KEYS),
            plugin=rng.choice(_PLUGINS),
            line=rng.randrange(20, 900),
        )


def _client_address(rng: Random) -> str:
    first = rng.choice((81, 83, 94, 155, 185, 213))
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def _config_lines(rng: Random, host: str) -> Iterator[str]:
    """What customers paste: ``php.ini`` overrides, an nginx server block, DNS records."""
    yield f"# {host}: configuration sent to HostUp support"
    for block in range(10**9):
        name = host if block == 0 else f"sub{block}.{host}"
        yield from (
            "",
            f"; php.ini overrides for {name}",
            f"memory_limit = {rng.choice((128, 256, 512))}M",
            f"max_execution_time = {rng.choice((30, 60, 120, 300))}",
            f"upload_max_filesize = {rng.choice((8, 32, 64, 128))}M",
            f"post_max_size = {rng.choice((8, 32, 64, 128))}M",
            "display_errors = Off",
            "",
            "server {",
            "    listen 443 ssl http2;",
            f"    server_name {name} www.{name};",
            f"    root /home/{host.split('.')[0][:12] or 'web'}/public_html;",
            "    index index.php index.html;",
            "    location ~ \\.php$ {",
            "        fastcgi_pass unix:/run/php/php8.2-fpm.sock;",
            f"        fastcgi_read_timeout {rng.choice((60, 120, 300))};",
            "    }",
            "}",
            "",
            f"{name}.    3600 IN A     {rng.choice((45, 91, 185))}.{rng.randrange(256)}"
            f".{rng.randrange(256)}.{rng.randrange(1, 255)}",
            f"www.{name}. 3600 IN CNAME {name}.",
            f"{name}.    3600 IN MX 10 mail.{name}.",
            f'{name}.    3600 IN TXT   "v=spf1 include:spf.hostup.se ~all"',
        )


def _invoice(rng: Random, ticket: Ticket, message: Message) -> list[str]:
    """One invoice page, in Swedish unless the conversation is in English."""
    swedish = ticket.language == "sv"
    issued = message.sent_at - timedelta(days=rng.randrange(3, 40))
    number = f"{issued:%Y}{rng.randrange(10_000, 99_999)}"
    rows = rng.sample(_INVOICE_ITEMS, k=rng.randrange(1, 4))
    net = sum(price for _, _, price in rows)
    vat = net / 4
    amount = _kronor if swedish else _sek
    lines = [
        "HostUp AB",
        "Org.nr 559123-4567  ·  billing@hostup.se",
        "",
        f"{'Faktura' if swedish else 'Invoice'} {number}",
        f"{'Fakturadatum' if swedish else 'Invoice date'}: {issued:%Y-%m-%d}",
        f"{'Förfallodatum' if swedish else 'Due date'}: {issued + timedelta(days=14):%Y-%m-%d}",
        f"{'Kund' if swedish else 'Customer'}: {ticket.requester_name or '-'}",
        "",
    ]
    for swedish_name, english_name, price in rows:
        lines.append(f"{swedish_name if swedish else english_name}   {amount(price)}")
    lines += [
        "",
        f"{'Netto' if swedish else 'Net'}: {amount(net)}",
        f"{'Moms' if swedish else 'VAT'} 25 %: {amount(vat)}",
        f"{'Att betala' if swedish else 'Total due'}: {amount(net + vat)}",
    ]
    return lines


def _kronor(value: float) -> str:
    return f"{value:,.2f} kr".replace(",", " ").replace(".", ",")


def _sek(value: float) -> str:
    return f"SEK {value:,.2f}"
