"""What Sendcloud writes when it asks a merchant for data: the requested-data endpoint's
``data_type``, ``title`` and ``description`` for each of a ticket's ``requested_actions``.

The ticket schema (Support spec, seed 000) names eleven kinds of requested action; the
requested-data endpoint (``GET /support/dsf/tickets/requested-data``, the merged v3 document in
shared/vendor-specs) names thirty-one kinds of data. ``PUBLIC_DATA_TYPE`` maps the first onto
the second, where a kind has a counterpart, and to ``other`` where it has none (a carrier's
claim form). The vendor's document writes every enum value with a trailing comma
(``sales_invoice,``), a typo: the values are served without it.

Titles follow the vendor's example ("Sales invoice is needed"); descriptions are English
sentences that quote the order and tracking number, as the example's does ("In order to proceed
with the claim sales data for order ORDER-25763 is needed."). Sendcloud writes them, not the
merchant, so they are in Sendcloud's language, English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from random import Random
from types import MappingProxyType

PUBLIC_DATA_TYPE: Mapping[str, str] = MappingProxyType(
    {
        "claim_letter": "claim_letter",
        "sales_invoice": "sales_invoice",
        "sales_data": "sales_data",
        "purchase_invoice": "purchase_invoice",
        "description_of_contents": "description_of_contents",
        "other": "other",
        "customer_confirmation": "confirmation_from_intended_receiver",
        "exterior_photo": "photo_of_parcel_exterior",
        "interior_photo": "photo_of_packaging_material_interior",
        "damage_photo": "photo_of_damage",
        "carrier_claims_form": "other",
    }
)
# What each kind is called in a title and inside a sentence.
_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "claim_letter": "Claim letter",
        "sales_invoice": "Sales invoice",
        "sales_data": "Sales data",
        "purchase_invoice": "Purchase invoice",
        "description_of_contents": "Description of contents",
        "other": "Additional information",
        "customer_confirmation": "Confirmation from the intended receiver",
        "exterior_photo": "Photo of the parcel exterior",
        "interior_photo": "Photo of the packaging material (interior)",
        "damage_photo": "Photo of the damage",
        "carrier_claims_form": "Carrier claim form",
    }
)
CARRIER_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "postnl": "PostNL", "dhl": "DHL", "dpd": "DPD", "ups": "UPS", "gls": "GLS",
        "bpost": "bpost", "colissimo": "Colissimo", "dhl_express": "DHL Express",
        "fedex": "FedEx", "royal_mail": "Royal Mail", "mondial_relay": "Mondial Relay",
        "correos": "Correos", "chronopost": "Chronopost", "evri": "Evri",
    }
)  # fmt: skip
# {what}: the kind in a sentence; {order}: "order X" or "this order"; {parcel}: "parcel T" or
# "this parcel"; {carrier}: the carrier's name.
_BY_KIND: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "sales_invoice": (
            "In order to proceed with the claim a sales invoice for {order} is needed.",
            "{carrier} asks for the sales invoice of {order} before it will assess the claim.",
            "Please upload the invoice you sent your customer for {order}, showing the value "
            "of the goods in {parcel}.",
        ),
        "purchase_invoice": (
            "In order to proceed with the claim the purchase invoice of the goods in {parcel} "
            "is needed.",
            "{carrier} compensates the purchase value only: please upload the purchase invoice "
            "for the items in {order}.",
        ),
        "sales_data": (
            "In order to proceed with the claim sales data for {order} is needed.",
            "Please provide the sales data (items, quantities, prices and VAT) for {order} so "
            "we can file the claim with {carrier}.",
        ),
        "claim_letter": (
            "{carrier} requires a signed claim letter for {parcel}.",
            "Please upload a claim letter on your company letterhead stating the value of "
            "{parcel} and the reason for the claim.",
        ),
        "description_of_contents": (
            "Please describe the contents of {parcel}: the items, their colour and size, and "
            "how they were packed.",
            "{carrier} needs a description of the contents of {parcel} to search its depot.",
        ),
        "customer_confirmation": (
            "Please send a statement from your customer confirming that {parcel} was not received.",
            "{carrier} marked {parcel} as delivered; a signed confirmation from the receiver "
            "that it did not arrive is needed.",
        ),
        "exterior_photo": (
            "Please upload a photo of the outside of {parcel}, with the shipping label visible.",
            "{carrier} needs a photo of the parcel exterior for {order} before it can assess "
            "the damage.",
        ),
        "interior_photo": (
            "Please upload a photo of the opened box of {parcel} showing the packaging "
            "material inside.",
            "{carrier} asks how the goods in {parcel} were packed: a photo of the interior "
            "packaging is needed.",
        ),
        "damage_photo": (
            "Please upload photos of the damaged items from {order}.",
            "In order to proceed with the damage claim for {parcel} photos of the damage are "
            "needed.",
        ),
        "carrier_claims_form": (
            "{carrier} requires its own claim form for {parcel}; please fill it in and upload it.",
            "Please complete the {carrier} claim form for {order} and upload it here.",
        ),
        "other": (
            "We need some more information about {order} to continue with this case.",
            "{carrier} asked for additional details about {parcel}; please reply with any "
            "information you have.",
        ),
    }
)


@dataclass(frozen=True)
class RequestContext:
    """The ticket's facts a request quotes."""

    carrier: str | None
    order_number: str | None
    tracking_number: str | None


def public_data_type(kind: str) -> str:
    """The requested-data endpoint's ``data_type`` for a ticket's requested-action kind."""
    return PUBLIC_DATA_TYPE[kind]


def title(kind: str) -> str:
    """ "<Kind> is needed", as the vendor's example titles its requests."""
    return f"{_NAMES[kind]} is needed"


def describe(rng: Random, kind: str, context: RequestContext) -> str:
    """One English sentence asking for ``kind``, quoting the order and tracking number."""
    template = rng.choice(_BY_KIND[kind])
    carrier = CARRIER_NAMES.get(context.carrier or "", "the carrier")
    text = template.format(
        order=f"order {context.order_number}" if context.order_number else "this order",
        parcel=f"parcel {context.tracking_number}" if context.tracking_number else "the parcel",
        carrier=carrier,
    )
    return text[0].upper() + text[1:]
