"""deploy/: the three-replica example is wired the way deploy/README.md says, and names only
settings mockdesk really reads.

No Docker engine is needed or called: compose.yaml, nginx.conf and the Dockerfile are read as
data, so a misspelt ``MOCKDESK_*`` variable (which mockdesk would silently ignore), a port
changed in one place only, or a mount of a file that is not there fails here rather than in
someone's ``docker compose up``. Where nginx 1.27.3 or later is installed, it parses nginx.conf
too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from mockdesk import settings
from mockdesk.app import create_app
from mockdesk.serving import KEEPALIVE_SECONDS
from mockdesk.settings import Settings
from mockdesk.testing import client

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
COMPOSE = DEPLOY / "compose.yaml"
NGINX = DEPLOY / "nginx.conf"
GUIDE = DEPLOY / "README.md"
DOCKERFILE = ROOT / "Dockerfile"
# what nginx's upstream `resolve` parameter (which follows --scale) needs
RESOLVE_SINCE = (1, 27, 3)
DOCKER_DNS = "127.0.0.11"

_NAMED = re.compile(r"\bMOCKDESK_[A-Z0-9_]+\b")
_READ = re.compile(r"""environ\.get\(\s*["'](MOCKDESK_[A-Z0-9_]+)["']""")
_DEFAULTED = re.compile(r"\$\{\w+:?-([^}]*)\}")  # ${NAME:-default} / ${NAME-default}


# --- reading the files ---------------------------------------------------------------------


@cache
def compose() -> dict[str, Any]:
    loaded = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(loaded, dict), "compose.yaml must be a mapping"
    return loaded


def service(name: str) -> dict[str, Any]:
    services = compose().get("services") or {}
    assert name in services, f"compose.yaml has no service {name!r}"
    found = services[name]
    assert isinstance(found, dict)
    return found


def environment(name: str) -> dict[str, str]:
    """A service's environment, from either Compose form (mapping or ``KEY=VALUE`` list)."""
    declared = service(name).get("environment") or {}
    if isinstance(declared, list):
        declared = dict(item.split("=", 1) if "=" in item else (item, "") for item in declared)
    return {str(key): "" if value is None else str(value) for key, value in declared.items()}


def defaulted(value: str) -> str:
    """``value`` as Compose would expand it with none of its variables set."""
    return _DEFAULTED.sub(lambda match: match.group(1), value)


def compose_port() -> int:
    port = defaulted(environment("mockdesk").get("MOCKDESK_PORT", ""))
    assert port.isdigit(), f"MOCKDESK_PORT must be a fixed port in compose.yaml (got {port!r})"
    return int(port)


def dockerfile_instructions(name: str) -> list[str]:
    """The arguments of every ``name`` instruction, continuation lines joined."""
    lines = [
        line for line in DOCKERFILE.read_text().splitlines() if not line.lstrip().startswith("#")
    ]
    joined = "\n".join(lines).replace("\\\n", " ")
    return [m.group(1) for m in re.finditer(rf"^{name}\s+(.*)$", joined, re.MULTILINE)]


def nginx_text() -> str:
    """nginx.conf without its comments (which name ports and servers in their explanations)."""
    return re.sub(r"#[^\n]*", "", NGINX.read_text())


def directives(block: str) -> list[list[str]]:
    """The simple directives of a block without nested blocks, each as its words."""
    return [statement.split() for statement in block.split(";") if statement.strip()]


def upstreams() -> dict[str, list[list[str]]]:
    found = re.finditer(r"\bupstream\s+(\S+)\s*\{([^{}]*)\}", nginx_text())
    return {match.group(1): directives(match.group(2)) for match in found}


def locations() -> dict[str, list[list[str]]]:
    found = re.finditer(r"\blocation\s+((?:=\s*)?\S+)\s*\{([^{}]*)\}", nginx_text())
    return {" ".join(match.group(1).split()): directives(match.group(2)) for match in found}


def seconds(value: str) -> float:
    """An nginx time (``4s``, ``500ms``, ``1m``, a bare number of seconds)."""
    match = re.fullmatch(r"(\d+)(ms|s|m|h)?", value)
    assert match, f"not an nginx time: {value!r}"
    scale = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, None: 1}[match.group(2)]
    return int(match.group(1)) * scale


def variables_read_by_mockdesk() -> set[str]:
    """Every ``MOCKDESK_*`` variable the code reads, taken from the code itself so this list
    cannot drift: one per ``settings._ENV`` key (``with_env`` reads ``MOCKDESK_<KEY>``), the
    credential variables ``with_env`` (or the CLI) reads by name, and the two the admin client
    and the pytest plugin read to find a running server (which deploy/README.md points at)."""
    from_env = {f"MOCKDESK_{flag.upper()}" for flag in settings._ENV}
    read_by_name = set()
    for module in (settings.__file__, ROOT / "mockdesk" / "cli.py"):
        read_by_name |= set(_READ.findall(Path(str(module)).read_text()))
    assert read_by_name, "no environ.get('MOCKDESK_…') found: the grep no longer matches the code"
    return from_env | read_by_name | {client.URL_VARIABLE, client.TOKEN_VARIABLE}


# --- (1) the structure ---------------------------------------------------------------------


def test_compose_runs_redis_the_replicas_and_a_load_balancer() -> None:
    """The three services deploy/README.md describes; Redis reports healthy only once it
    answers, which is what the replicas wait for."""
    assert {"redis", "mockdesk", "lb"} <= set(compose()["services"])
    redis = service("redis")
    assert redis["image"] == "redis:7-alpine"
    probe = redis["healthcheck"]["test"]
    assert "redis-cli ping" in (probe if isinstance(probe, str) else " ".join(probe))


def test_three_replicas_of_the_repositorys_image_wait_for_redis() -> None:
    """Replicas publish no port and have no container_name (either would forbid more than one
    replica), start only once Redis answers, and keep their state in that Redis."""
    mockdesk = service("mockdesk")
    assert mockdesk["deploy"]["replicas"] == 3
    build = mockdesk["build"]
    context = build if isinstance(build, str) else build.get("context", ".")
    dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    assert (DEPLOY / context).resolve() == ROOT
    assert (DEPLOY / context / dockerfile).resolve() == DOCKERFILE.resolve()
    assert DOCKERFILE.is_file()
    assert mockdesk["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "ports" not in mockdesk and "container_name" not in mockdesk
    env = environment("mockdesk")
    assert re.fullmatch(r"redis://redis:\d+/\d+", env["MOCKDESK_STATE"])
    # required: on the network, without a token the admin API would answer nobody
    assert re.fullmatch(r"\$\{MOCKDESK_ADMIN_TOKEN:\?[^}]+\}", env["MOCKDESK_ADMIN_TOKEN"])
    assert env["MOCKDESK_HOST"] == "0.0.0.0"


def test_the_load_balancer_is_published_on_loopback_only_and_mounts_nginx_conf() -> None:
    """Only this machine reaches the mock by default, through an nginx recent enough for the
    configuration it is given, and that configuration is a file of the repository."""
    lb = service("lb")
    image = re.fullmatch(r"nginx:(\d+)\.(\d+)(?:\.(\d+))?-alpine", lb["image"])
    assert image, f"lb must run an official nginx alpine image (got {lb['image']!r})"
    major, minor, patch = image.groups()
    # a tag without a patch number follows the newest release of its line
    assert (int(major), int(minor), int(patch or 999)) >= RESOLVE_SINCE

    ports = lb["ports"]
    assert ports, "lb must publish a port"
    for port in ports:
        host_ip = port.get("host_ip") if isinstance(port, dict) else str(port).split(":")[0]
        assert host_ip == "127.0.0.1", f"lb publishes beyond loopback: {port!r}"
    assert ports == ["127.0.0.1:8080:80"]

    mounts = [str(volume).split(":") for volume in lb["volumes"]]
    for mount in mounts:
        assert (DEPLOY / mount[0]).exists(), f"lb mounts {mount[0]}, which does not exist"
    targets = {(DEPLOY / mount[0]).resolve(): mount[1] for mount in mounts}
    assert targets.get(NGINX.resolve()) == "/etc/nginx/nginx.conf"


# --- (2) only variables mockdesk reads -----------------------------------------------------


@pytest.mark.parametrize("document", [COMPOSE, GUIDE], ids=lambda path: path.name)
def test_every_mockdesk_variable_named_is_one_mockdesk_reads(document: Path) -> None:
    """mockdesk ignores a variable it does not know, so a misspelt or not-yet-existing one in
    the example would be a setting that silently does nothing."""
    named = set(_NAMED.findall(document.read_text()))
    unknown = named - variables_read_by_mockdesk()
    assert not unknown, (
        f"{document.relative_to(ROOT)} names what mockdesk never reads: {sorted(unknown)}"
    )


# --- (3) and (4) one port everywhere -------------------------------------------------------


def test_the_port_agrees_in_compose_the_dockerfile_and_nginx() -> None:
    """The replicas listen, report healthy and are reached on one port: a port changed in one
    file only would leave them unhealthy (the HEALTHCHECK) or unreachable (nginx)."""
    port = compose_port()
    assert str(port) in [str(exposed) for exposed in service("mockdesk").get("expose", [])]

    env_defaults = re.findall(r"\bMOCKDESK_PORT=(\d+)", " ".join(dockerfile_instructions("ENV")))
    assert env_defaults == [str(port)]
    (healthcheck,) = dockerfile_instructions("HEALTHCHECK")
    assert "MOCKDESK_PORT" in healthcheck, "the HEALTHCHECK must follow MOCKDESK_PORT"
    fallback = re.findall(r"""["']MOCKDESK_PORT["']\s*,\s*["'](\d+)["']""", healthcheck)
    assert fallback == [str(port)]

    servers = [words for words in upstreams().get("mockdesk", []) if words[0] == "server"]
    assert servers, "nginx.conf needs an upstream `mockdesk` with a server"
    for words in servers:
        assert words[1] == f"mockdesk:{port}", f"nginx upstream {words[1]} is not mockdesk:{port}"


def test_nginx_balances_over_every_replica_with_keepalive() -> None:
    """The service name is re-resolved through Docker's DNS (so every replica, including ones
    added by --scale, is a peer), kept-alive connections are dropped before mockdesk drops
    them, and every location proxies to that upstream."""
    resolvers = re.findall(r"^\s*resolver\s+([^;]+);", nginx_text(), re.MULTILINE)
    assert any(DOCKER_DNS in resolver.split() for resolver in resolvers)
    upstream = upstreams()["mockdesk"]
    names = [words[0] for words in upstream]
    assert "zone" in names and "keepalive" in names
    (server,) = [words for words in upstream if words[0] == "server"]
    assert "resolve" in server[2:]
    (timeout,) = [words[1] for words in upstream if words[0] == "keepalive_timeout"]
    assert seconds(timeout) < KEEPALIVE_SECONDS

    routes = {rule.rule for rule in create_app(Settings(tickets=0)).url_map.iter_rules()}
    for where, body in locations().items():
        assert ["proxy_pass", "http://mockdesk"] in body, f"location {where} bypasses the upstream"
        if where.startswith("="):
            assert where.removeprefix("=").strip() in routes, f"{where} is no mockdesk route"
    feed = locations()["= /__mockdesk/requests/feed"]
    assert ["proxy_buffering", "off"] in feed


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_nginx_accepts_the_configuration(tmp_path: Path) -> None:
    """nginx's own parser, where a recent enough nginx is installed (never required: the
    image brings its own); older ones refuse `resolve` in an upstream, so they skip."""
    nginx = shutil.which("nginx")
    assert nginx is not None
    version = subprocess.run([nginx, "-v"], capture_output=True, text=True, timeout=30)
    found = re.search(r"nginx/(\d+)\.(\d+)\.(\d+)", version.stderr + version.stdout)
    installed = tuple(int(part) for part in found.groups()) if found else (0, 0, 0)
    if installed < RESOLVE_SINCE:
        shown = ".".join(map(str, installed))
        pytest.skip(f"nginx {shown} predates the upstream `resolve` parameter (1.27.3)")
    config = tmp_path / "nginx.conf"
    shutil.copyfile(NGINX, config)
    checked = subprocess.run(
        [nginx, "-t", "-q", "-e", "stderr", "-p", str(tmp_path), "-c", str(config),
         "-g", f"pid {tmp_path / 'nginx.pid'};"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr


# --- the image the replicas run ------------------------------------------------------------


def test_the_image_has_the_redis_client_the_replicas_need() -> None:
    """A redis:// state URL needs the redis package; without it every replica exits at start.
    It must come from the image's own install: a core dependency, or an extra the Dockerfile
    installs (``pip install '.[redis]'``)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras: set[str] = set()
    for run in dockerfile_instructions("RUN"):
        if "pip install" in run:
            for listed in re.findall(r"\.\[([^\]]*)\]", run):
                extras |= {extra.strip() for extra in listed.split(",")}
    requirements = list(project.get("dependencies", []))
    for extra in extras:
        requirements += project.get("optional-dependencies", {}).get(extra, [])
    names = {
        re.split(r"[\s<>=!~\[;]", requirement, maxsplit=1)[0].lower()
        for requirement in requirements
    }
    assert "redis" in names, "the Dockerfile installs mockdesk without the redis package"
