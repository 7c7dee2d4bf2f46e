"""The form's wording of catalogue entries: same codes and severity, the same arguments (and the form's own)."""

from __future__ import annotations

from string import Formatter

from nq43.domain.catalogue import CATALOGUE
from nq43.domain.findings import finding
from nq43.domain.formwording import FORM_WORDING

FORM_ARGS = {"box", "labels"}  # what load/formwords.form_args adds for a finding on a form


def _names(*texts: str) -> set[str]:
    return {name for text in texts for _, name, _, _ in Formatter().parse(text) if name}


def test_each_form_wording_says_an_entry_of_the_catalogue_with_its_arguments() -> None:
    for code, entry in FORM_WORDING.items():
        plain = CATALOGUE[code]
        assert entry.severity == plain.severity, code
        known = _names(plain.text.vi, plain.text.en, plain.fix.vi, plain.fix.en) | FORM_ARGS
        assert _names(entry.text.vi, entry.text.en, entry.fix.vi, entry.fix.en) <= known, code


def test_a_finding_takes_the_forms_words_only_on_a_form() -> None:
    on_form = finding("data/units/qldt/2025Q2.docx", 3, 1, "NQ504", task="2.1")
    in_markdown = finding("data/units/qldt/2025Q2.md", 3, 1, "NQ504", task="2.1")
    assert on_form.message() == 'Mục "Kết quả" của nhiệm vụ 2.1 chưa ghi gì (dòng gợi ý màu xám không được tính).'
    assert in_markdown.message() == 'Tiểu mục "### Kết quả" của nhiệm vụ 2.1 để trống.'
    assert "###" not in on_form.hint() + on_form.message("en") + on_form.hint("en")
