"""Safe YAML loading: libyaml's problems are said in Vietnamese, at the line where they are found."""

from __future__ import annotations

from nq43.yamlload import load_yaml


def test_colon_inside_a_value_is_explained_in_vietnamese() -> None:
    # the most common slip in a note: a value that itself contains ": "
    doc, findings = load_yaml("unit: qldt\nprepared_by: Phạm Quốc Anh: trưởng nhóm\n", "x.md", line_offset=1)

    assert doc is None
    [found] = findings
    assert (found.code, found.line) == ("NQ204", 3)
    assert found.message() == (
        'Lỗi cú pháp YAML: có dấu hai chấm không đúng chỗ (nếu giá trị chứa ": ", hãy đặt nó trong dấu nháy).'
    )
