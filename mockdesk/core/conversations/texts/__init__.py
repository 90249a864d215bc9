"""Sentence banks, one module per language.

English covers every topic. The other languages cover the topics of the vendors that write in
them: Persian the SMS panel's topics (IPPanel), Swedish the web host's (HostUp); Dutch, German
and French the parcel topics of a web shop's customer service (the shops that ship with a
European platform such as Sendcloud). ``topics_for(language)`` lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from mockdesk.core.conversations.bank import LanguageText
from mockdesk.core.conversations.model import Language
from mockdesk.core.conversations.texts import de, en, fa, fr, nl, sv

TEXTS: Mapping[Language, LanguageText] = MappingProxyType(
    {
        Language.EN: en.TEXT,
        Language.FA: fa.TEXT,
        Language.SV: sv.TEXT,
        Language.NL: nl.TEXT,
        Language.DE: de.TEXT,
        Language.FR: fr.TEXT,
    }
)
