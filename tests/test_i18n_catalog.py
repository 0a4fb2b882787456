"""The French catalog is complete and consistent with the messages in the code.

The messages are extracted from the source the way ``scripts/update-catalog.sh``
does (Babel, keywords ``_``, ``N_`` and ``gettext``'s second argument), so a
new English string without a French translation fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, LOCALES_DIR, messages, translator

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None, "gettext": (2,)}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def code_messages() -> set[str]:
    found = extract_from_dir(
        ROOT / "dashboard",
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
    )
    return {message for _file, _line, message, _comments, _context in found if message}


def catalog(lang: str):
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as po_file:
        return read_po(po_file, locale=lang)


TRANSLATED = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]


def test_the_code_has_messages_to_translate():
    found = code_messages()
    # Strings of the shell, a page and a formatter, as the interface shows them.
    assert {"Skip to content", "Budget and expenditure", "USD {amount} M"} <= found
    assert len(found) > 100


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_of_the_code_has_a_translation(lang):
    translated = messages(lang)
    missing = sorted(message for message in code_messages() if not translated.get(message))
    assert missing == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalog_has_no_message_the_code_no_longer_uses(lang):
    in_code = code_messages()
    stale = sorted(m.id for m in catalog(lang) if m.id and m.id not in in_code)
    assert stale == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_translation_is_fuzzy_and_placeholders_match(lang):
    for message in catalog(lang):
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        assert sorted(PLACEHOLDER.findall(message.string)) == sorted(
            PLACEHOLDER.findall(message.id)
        ), message.id


def test_french_words_of_the_interface():
    """A few translations a French reader of UNHCR documents expects."""
    _ = translator("fr")
    assert _("People of concern") == "Personnes relevant de la compétence du HCR"
    assert _("Asylum-seekers") == "Demandeurs d'asile"
    assert _("Expenditure") == "Dépenses"
    assert _("Refugee programme") == "Programme pour les réfugiés"


def test_english_is_the_source_and_unknown_languages_fall_back_to_it():
    assert messages("en") == {}
    assert translator("en")("Expenditure") == "Expenditure"
    assert translator("xx")("Expenditure") == "Expenditure"


def test_no_message_escapes_extraction():
    """``translator(lang)("...")`` would be translated at run time but never extracted."""
    called_directly = re.compile(r"translator\([^()]*\)\(\s*[\"']")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "dashboard").rglob("*.py")
        if called_directly.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_message_is_marked_inside_an_f_string():
    """Babel does not look inside f-strings on Python 3.11: ``f"{_('Back')}"`` is
    translated at run time but never extracted, so it would stay English."""
    offenders = []
    for path in (ROOT / "dashboard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in KEYWORDS
                    and any(isinstance(arg, ast.Constant) for arg in call.args)
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert offenders == []
