"""core/shelf: data built once per seed, in the background, with health telling the phase."""

from __future__ import annotations

import threading

from mockdesk.app import create_app
from mockdesk.core.state import MockdeskState
from mockdesk.settings import Settings


def test_health_is_503_with_phase_and_percent_while_building_then_200() -> None:
    app = create_app(Settings(tickets=20, vendors=("sendcloud",)))
    state: MockdeskState = app.extensions["mockdesk"]
    client = app.test_client()
    state.shelf.progress.begin("building seed 0", 40)
    state.shelf.progress.advance(10)
    building = client.get("/__mockdesk/health")
    assert building.status_code == 503
    assert building.json == {"status": "starting", "seed": 0, "phase": "building seed 0",
                             "percent": 25}  # fmt: skip
    state.shelf.progress.finish()
    assert client.get("/__mockdesk/health").status_code == 200


def test_warm_builds_in_the_background_and_requests_wait_for_it() -> None:
    app = create_app(Settings(tickets=300, vendors=("sendcloud", "ippanel")))
    state: MockdeskState = app.extensions["mockdesk"]
    threads: list[threading.Thread] = []

    def start(work: object) -> None:
        thread = threading.Thread(target=work)  # type: ignore[arg-type]
        threads.append(thread)
        thread.start()

    state.warm(start)
    response = app.test_client().get(
        "/api/v3/dsf/tickets",
        headers={"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="},
    )
    threads[0].join()
    assert response.status_code == 200 and response.json["total"] == 300
    health = app.test_client().get("/__mockdesk/health")
    assert health.status_code == 200 and health.json["vendors"]["sendcloud"] == 300


def test_a_failed_background_build_is_a_503_naming_the_error(monkeypatch) -> None:
    app = create_app(Settings(tickets=5, vendors=("sendcloud",)))
    state: MockdeskState = app.extensions["mockdesk"]

    def broken(seed: int) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(state.shelf, "_build", broken)
    state.warm(lambda work: work())  # type: ignore[operator]
    health = app.test_client().get("/__mockdesk/health")
    assert health.status_code == 503
    assert (
        health.json["status"] == "failed" and health.json["error"] == "RuntimeError: disk on fire"
    )


def test_a_million_ticket_seed_is_the_only_one_kept_small_ones_share_the_shelf() -> None:
    from mockdesk.core.shelf import DatasetShelf
    from mockdesk.vendors.registry import by_slug

    vendors = {"sendcloud": by_slug()["sendcloud"]}
    assert DatasetShelf(vendors, 250, {}).seeds_kept == 4
    assert DatasetShelf(vendors, 400_000, {}).seeds_kept == 2
    large = DatasetShelf(vendors, 1_000_000, {})
    assert large.seeds_kept == 1
    first = large.datasets_for(0)
    large.datasets_for(1)
    assert large.datasets_for(0) is not first  # rebuilt: seed 0 made room for seed 1
