"""The interface's language: one gettext catalogue per language, the language of this run, and the words for
the tables' coded values (categories, statuses…).

Catalogues: dashboard_app/locale/<language>/LC_MESSAGES/messages.po, the English text as msgid. They are read
with babel's .po reader when first needed (no compile step: a fresh clone runs with `make run`). `make
messages` extracts every `_()`, `ngettext()` and `N_()` string into locale/messages.pot and updates both
catalogues; tests/test_i18n.py fails when a string is missing from one or left untranslated in Dutch.

The language is a context variable set once per script run by the entrypoint (Streamlit runs a session's
script in its own thread, so sessions never see each other's), and by `use_language` around the briefing pack
and the command line. Chart builders and summaries read it through `_()`; the render helpers add it to the key
of every chart and value they keep, so a chart drawn in English is never served to a Dutch view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = {"en": "English", "nl": "Nederlands"}
DEFAULT_LANGUAGE = "en"

_language: ContextVar[str] = ContextVar("interface_language", default=DEFAULT_LANGUAGE)


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(language: str) -> dict[object, object]:
    """msgid -> msgstr (plural entries: (singular, plural) -> (one, many)); untranslated entries left out."""
    from babel.messages.pofile import read_po

    with catalogue_path(language).open("rb") as handle:
        read = read_po(handle, locale=language)
    found: dict[object, object] = {}
    for message in read:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            if all(message.string):
                found[tuple(message.id)] = tuple(message.string)
        elif message.string:
            found[message.id] = message.string
    return found


def active_language() -> str:
    return _language.get()


def set_language(language: str) -> None:
    """Make `language` the language of this thread's run (the entrypoint calls it first thing)."""
    _language.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)


@contextmanager
def use_language(language: str) -> Iterator[None]:
    """`language` for the code inside, then back to what it was."""
    token = _language.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _language.reset(token)


def gettext(message: str) -> str:
    """The message in the active language (the English text when a catalogue lacks it)."""
    return catalogue(_language.get()).get(message, message)  # type: ignore[return-value]


_ = gettext


def ngettext(singular: str, plural: str, count: int) -> str:
    """Singular or plural in the active language (English and Dutch both say 'one' for 1 only)."""
    found = catalogue(_language.get()).get((singular, plural))
    one, many = found if found else (singular, plural)  # type: ignore[misc]
    return one if count == 1 else many


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark for the catalogue, translate later"
    """Marks a string for the catalogue without translating it here (coded values, labels kept in constants)."""
    return message


# The tables' coded values as a reader sees them. The data keep the English codes (filters in the URL, CSV
# downloads); only what is shown is translated.
VALUE_WORDS = {
    "military": N_("military"),
    "financial": N_("financial"),
    "humanitarian": N_("humanitarian"),
    "reconstruction": N_("reconstruction"),
    "justice": N_("justice"),
    "other": N_("other"),
    "pledged": N_("pledged"),
    "delivered": N_("delivered"),
    "money": N_("money"),
    "equipment": N_("equipment"),
    "package": N_("package"),
    "part": N_("part"),
    "running_total": N_("running total"),
    "exact": N_("exact"),
    "at_least": N_("at least"),
    "at_most": N_("at most"),
    "about": N_("about"),
    "agreement": N_("agreement"),
    "declaration": N_("declaration"),
    "statement": N_("statement"),
    "general": N_("general"),
    "air_defence": N_("air defence"),
    "aircraft": N_("aircraft"),
    "ammunition": N_("ammunition"),
    "drones": N_("drones"),
    "long_range": N_("long range"),
    "artillery": N_("artillery"),
    "armour": N_("armour"),
    "naval": N_("naval"),
    "training": N_("training"),
    "industry": N_("industry"),
    "ok": N_("read"),
    "failed": N_("could not be read"),
}
# Columns whose values are coded words (translated when shown).
CODED_COLUMNS = ("category", "subcategory", "status", "kind", "scope", "qualifier")


def value_word(value: object) -> str:
    """A coded value in the active language ('military' -> 'militair'); anything else as it is."""
    text = str(value)
    word = VALUE_WORDS.get(text)
    return gettext(word) if word is not None else text


def value_labels(values) -> Callable[[object], str]:
    """A widget's format_func for coded values, translated now. Streamlit may call a format_func outside the
    script run (AppTest does), where the run's language is not set: the words are looked up while it is."""
    words = {value: value_word(value) for value in values}
    return lambda value: words.get(value, str(value))


def labels_of(messages: dict) -> Callable[[object], str]:
    """A format_func for options whose labels are catalogue messages ({option: message}), translated now."""
    words = {option: gettext(message) for option, message in messages.items()}
    return lambda option: words.get(option, str(option))


# Column names of the tables the pages show, as table headers.
COLUMN_WORDS = {
    "doc_id": N_("document"),
    "file": N_("file"),
    "title": N_("title"),
    "publisher": N_("publisher"),
    "published": N_("published"),
    "date_source": N_("date from"),
    "language": N_("language"),
    "url": N_("web address"),
    "n_chars": N_("characters"),
    "n_mentions": N_("figures"),
    "status": N_("status"),
    "problem": N_("problem"),
    "announced": N_("announced"),
    "donor": N_("donor"),
    "what": N_("what"),
    "category": N_("category"),
    "subcategory": N_("subcategory"),
    "years": N_("years"),
    "n_sources": N_("sources"),
    "pledge_id": N_("pledge"),
    "recipient": N_("recipient"),
    "kind": N_("kind"),
    "amount": N_("amount"),
    "currency": N_("currency"),
    "amount_eur": N_("amount (EUR)"),
    "quantity": N_("quantity"),
    "item": N_("item"),
    "qualifier": N_("qualifier"),
    "scope": N_("scope"),
    "part_of": N_("part of"),
    "per_year": N_("per year"),
    "n_per_year": N_("per-year pledges"),
    "year_start": N_("first year"),
    "year_end": N_("last year"),
    "announced_year": N_("year announced"),
    "sources": N_("source documents"),
    "publishers": N_("publishers"),
    "mention_ids": N_("mentions"),
    "evidence": N_("evidence"),
    "corrections": N_("corrections"),
    "agreement_id": N_("agreement"),
    "parties": N_("parties"),
    "themes": N_("themes"),
    "signed": N_("signed"),
    "duration_years": N_("years in force"),
    "date": N_("date"),
    "as_of": N_("as reported on"),
    "year": N_("year"),
    "n_pledges": N_("pledges"),
    "pledge": N_("pledge"),
    "label": N_("pledge"),
    "number": N_("number"),
    "mention_id": N_("mention"),
    "figure": N_("figure"),
    "char_start": N_("from character"),
    "char_end": N_("to character"),
    "analyst": N_("analyst"),
    "reason": N_("reason"),
    "action": N_("action"),
    "field": N_("field"),
    "value": N_("value"),
    "state": N_("state"),
    "created_at": N_("made on"),
    "old_value": N_("old value"),
    "new_value": N_("new value"),
    "undoes": N_("undoes"),
    "correction_id": N_("correction"),
    "delivered to date (EUR)": N_("delivered to date (EUR)"),
    "as reported on": N_("as reported on"),
}


def column_labels(columns) -> Callable[[object], str]:
    """A format_func for a choice of columns (fields), translated now (see value_labels)."""
    words = {column: column_word(column) for column in columns}
    return lambda column: words.get(column, str(column))


def column_word(column: object) -> str:
    """A table column's header in the active language (unknown columns, such as document ids, as they are)."""
    word = COLUMN_WORDS.get(str(column))
    return gettext(word) if word is not None else str(column)
