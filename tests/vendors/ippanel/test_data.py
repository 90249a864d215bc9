"""Generation is deterministic per seed, and the generated tickets are coherent: nested objects
agree with flat ids, one name per id, Persian and English subjects, every state, replies from
agents and the ticket's own user."""

from __future__ import annotations

from mockdesk.core.dataset import build_dataset
from mockdesk.vendors.ippanel import SPEC
from mockdesk.vendors.ippanel.data import STATES, SUB_CATEGORIES
from mockdesk.vendors.ippanel.serializer import serialize
from tests.vendors.ippanel.conftest import PERSIAN, TIMESTAMP, all_tickets, listing, show


def snapshot(seed: int) -> list[dict]:
    data = build_dataset(SPEC.data, "ippanel", seed, 60)
    return [serialize(t) for t in data.store.all()]


def test_the_same_seed_gives_the_same_tickets_and_another_seed_others():
    assert snapshot(3) == snapshot(3)
    assert snapshot(3) != snapshot(4)


def test_nested_objects_agree_with_flat_ids(ippanel):
    tree = {s.id: s.category_id for s in SUB_CATEGORIES}
    for t in all_tickets(ippanel):
        assert t["ticket_id"] == t["id"] == t["forward"]["ticket_id"]
        assert t["user"]["user_id"] == t["user_id"] == t["forward"]["from"]
        assert t["category"]["id"] == t["category_id"]
        assert t["sub_category"]["id"] == t["sub_category_id"]
        assert tree[t["sub_category_id"]] == t["category_id"]
        assert t["state"] == {"id": t["state_id"], "name": STATES[t["state_id"]]}
        for moment in (t["created_at"], t["updated_at"], t["forward"]["created_at"]):
            assert TIMESTAMP.fullmatch(moment)
        assert t["updated_at"] >= t["created_at"]
        assert (t["forward"]["to"] != 1) == (t["state_id"] == 5)


def test_names_are_the_same_for_the_same_id_everywhere(ippanel):
    names: dict[tuple[str, int], str] = {}
    for t in all_tickets(ippanel):
        for key, name in (
            (("category", t["category_id"]), t["category"]["name"]),
            (("sub_category", t["sub_category_id"]), t["sub_category"]["title"]),
            (("user", t["user_id"]), t["user"]["uname"]),
        ):
            assert names.setdefault(key, name) == name


def test_subjects_are_persian_and_english(ippanel):
    subjects = [t["subject"] for t in all_tickets(ippanel)]
    persian = [s for s in subjects if PERSIAN.search(s)]
    assert 0.5 < len(persian) / len(subjects) < 0.9
    assert all(t["desc"] for t in all_tickets(ippanel))


def test_all_five_states_occur(ippanel):
    assert {t["state_id"] for t in all_tickets(ippanel)} == set(STATES)


def test_replies_come_from_agents_and_the_tickets_own_user(ippanel):
    """The first reply is support's; every customer reply is by the ticket's user."""
    item = next(t for t in listing(ippanel) if t["interaction_count"] >= 2)
    replies = show(ippanel, item["id"]).json()["data"]["interactions"]
    assert replies[0]["agent_id"] is not None
    customer = [reply for reply in replies if reply["agent_id"] is None]
    assert all(reply["username"] == item["user"]["uname"] for reply in customer)
