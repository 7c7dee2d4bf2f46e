"""The issue record: written and read back, with the chain of amendments and the signer."""

from __future__ import annotations

from datetime import date

from nq43.domain.periods import Period
from nq43.load import issued as issuance
from nq43.load.issued import AmendmentRecord, IssueRecord, content_hash

NOTE = "data/units/qldt/2025Q2.md"
RECORD = IssueRecord(Period.parse("2025Q2"), "112", date(2025, 6, 13), "a" * 40, {NOTE: content_hash(b"v1")})


def test_a_record_without_amendments_is_written_as_before() -> None:
    text = issuance.dump(RECORD)
    assert "amendments" not in text and "signer" not in text
    assert issuance.parse(text) == RECORD


def test_the_chain_and_the_signer_are_read_back() -> None:
    link = AmendmentRecord("130", date(2025, 6, 25), "b" * 40, "dinh-chinh", "bao-cao-dinh-chinh-2025Q2-01", {})
    link = link._replace(notes={NOTE: content_hash(b"v2")})
    record = RECORD._replace(signer="Nguyễn Văn B", amendments=(link,))
    assert issuance.parse(issuance.dump(record)) == record
    assert record.latest_notes == link.notes
    assert record.changed(NOTE, b"v1") and not record.changed(NOTE, b"v2")
    assert not RECORD.changed(NOTE, b"v1")


def test_a_malformed_chain_makes_the_record_unreadable() -> None:
    text = issuance.dump(RECORD) + "amendments:\n- number: '130'\n"
    assert issuance.parse(text) is None
    assert issuance.parse(issuance.dump(RECORD) + "amendments: 5\n") is None
