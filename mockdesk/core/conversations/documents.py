# ruff: noqa: E501  (one wording per line reads better than wrapped prose)
"""What support asks a merchant to send so a carrier claim can go on: a title and a sentence per
requested document, as a shipping platform's claims team writes them.

The document names are the ones carriers' claim processes use (and Sendcloud's support API
lists, e.g. ``sales_invoice``, ``photo_of_damage``, ``cn23_form``). The platform writes these
requests in English whatever the merchant's language (its own example: "Sales invoice is
needed"), so they are English only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from random import Random
from types import MappingProxyType

from mockdesk.core.conversations.model import Facts
from mockdesk.core.conversations.render import fill


@dataclass(frozen=True, slots=True)
class Document:
    """How one requested document is named: in a title, and inside a sentence."""

    title: str
    noun: str
    kind: str  # "file" (an upload), "text" (a typed answer) or "data" (structured sales data)
    plural: bool = False


@dataclass(frozen=True, slots=True)
class DocumentRequest:
    title: str
    description: str


# fmt: off
DOCUMENTS: Mapping[str, Document] = MappingProxyType(
    {
        "claim_letter": Document("Claim letter is needed", "a signed claim letter", "file"),
        "sales_invoice": Document("Sales invoice is needed", "the sales invoice", "file"),
        "sales_data": Document("Sales data is needed", "the sales data (item descriptions, quantities, prices and tax rates)", "data", plural=True),
        "purchase_invoice": Document("Purchase invoice is needed", "the purchase invoice", "file"),
        "description_of_contents": Document("Description of contents is needed", "a description of the parcel contents", "text"),
        "customer_confirmation": Document("Customer confirmation is needed", "a written confirmation from your customer", "file"),
        "exterior_photo": Document("Photo of the parcel exterior is needed", "a photo of the outside of the parcel", "file"),
        "interior_photo": Document("Photo of the packaging interior is needed", "a photo of the inside of the packaging", "file"),
        "damage_photo": Document("Photos of the damage are needed", "photos of the damage", "file", plural=True),
        "carrier_claims_form": Document("Carrier claims form is needed", "the carrier's claims form, filled in and signed", "file"),
        "other": Document("Additional information is needed", "some additional information", "text"),
        "confirmation_from_intended_receiver": Document("Confirmation from the intended receiver is needed", "a confirmation from the intended receiver", "file"),
        "declaration_non_receipt": Document("Declaration of non-receipt is needed", "a declaration of non-receipt signed by the recipient", "file"),
        "pickup_receipt": Document("Pickup receipt is needed", "the pickup receipt", "file"),
        "recipient_id_scan": Document("Scan of the recipient's ID is needed", "a scan of the recipient's ID", "file"),
        "photo_of_parcel_exterior": Document("Photo of the parcel exterior is needed", "a photo of the outside of the parcel", "file"),
        "photo_of_contents": Document("Photo of the contents is needed", "a photo of the contents", "file"),
        "photo_of_damage": Document("Photos of the damage are needed", "photos of the damage", "file", plural=True),
        "photo_of_packaging_material_interior": Document("Photo of the inner packaging material is needed", "a photo of the inner packaging material", "file"),
        "photo_of_shipping_label": Document("Photo of the shipping label is needed", "a photo of the shipping label", "file"),
        "photo_of_parcel_weight": Document("Photo of the parcel weight is needed", "a photo of the parcel on a scale, showing its weight", "file"),
        "cellphone": Document("Phone number is needed", "the recipient's mobile phone number", "text"),
        "cn18_form": Document("CN18 form is needed", "a completed CN18 form (declaration of non-receipt)", "file"),
        "cn23_form": Document("CN23 form is needed", "the CN23 customs declaration", "file"),
        "cn24_form": Document("CN24 form is needed", "a completed CN24 damage report", "file"),
        "cp72_form": Document("CP72 form is needed", "the CP72 customs declaration", "file"),
        "contact_person": Document("Contact person is needed", "the name of a contact person", "text"),
        "correct_address": Document("Correct address is needed", "the correct delivery address", "text"),
        "description_of_damage": Document("Description of the damage is needed", "a short description of the damage", "text"),
        "description_of_parcel": Document("Description of the parcel is needed", "a description of the parcel (size, colour and packaging)", "text"),
        "email_address": Document("Email address is needed", "the recipient's email address", "text"),
        "proof_of_delivery": Document("Proof of delivery is needed", "the proof of delivery", "file"),
        "proof_of_shipment": Document("Proof of shipment is needed", "the proof of shipment", "file"),
        "liability_statement": Document("Liability statement is needed", "a signed liability statement", "file"),
        "iban_bic": Document("Bank details are needed", "your IBAN and BIC", "text", plural=True),
        "identity_card": Document("Identity card is needed", "a copy of an identity card", "file"),
    }
)
# fmt: on

_DESCRIPTIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "file": (
            "In order to proceed with the claim, {noun} for order {order} {be} needed.",
            "{carrier} requires {noun} before the claim for parcel {tracking} can be processed.",
            "Please upload {noun} for order {order} so we can submit the claim to {carrier}.",
        ),
        "text": (
            "In order to proceed with the claim, {noun} for order {order} {be} needed.",
            "Please provide {noun} so we can continue handling the ticket for parcel {tracking}.",
            "{carrier} has asked for {noun} before continuing the investigation of parcel {tracking}.",
        ),
        "data": (
            "In order to proceed with the claim, {noun} for order {order} {be} needed.",
            "Please provide {noun} for order {order}, so we can calculate the value of the claim.",
        ),
    }
)


def document_request(rng: Random, document: str, facts: Facts) -> DocumentRequest:
    """The title and description of a request for ``document`` on the ticket ``facts`` describe
    (its order, tracking number and carrier). An unknown document raises ``KeyError``."""
    spec = DOCUMENTS[document]
    template = rng.choice(_DESCRIPTIONS[spec.kind])
    description = fill(template, {**facts.slots(), "noun": spec.noun,
                                  "be": "are" if spec.plural else "is"})  # fmt: skip
    return DocumentRequest(spec.title, description[0].upper() + description[1:])
