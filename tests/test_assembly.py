"""The dumps' files assembled from pieces (kg.publish.assembly): each written by a thread of
its own, in order, its SHA-256 taken on the way; a failure is raised, never lost."""

import hashlib
import os
import threading

import pytest

from kg.publish.assembly import DROP_ALIGN, Assembly, Writer
from kg.publish.chunking import Chunk


def writing_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("write ")]


def test_pieces_written_and_copied_in_order_with_their_checksum(tmp_path):
    previous = tmp_path / "previous"
    old = bytes(range(256)) * 4096  # 1 MiB
    previous.write_bytes(old)
    out = Assembly(tmp_path / "new", previous)
    expected = b""
    # More pieces than the thread's queue holds, copies of consecutive spans coalesced.
    for i in range(300):
        data = f"piece {i}\n".encode()
        assert out.write(data) == (len(expected), len(data))
        expected += data
        span = (i * 1000, 1000)
        assert out.copy(span) == (len(expected), 1000)
        expected += old[i * 1000 : i * 1000 + 1000]
    out.copy((300_000, 700_000))
    out.copy((1_000_000, 48_576))  # consecutive: one copy
    expected += old[300_000:]
    out.close()
    assert (tmp_path / "new").read_bytes() == expected
    assert out.sha256 == hashlib.sha256(expected).hexdigest()
    assert writing_threads() == []


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise here")
def test_the_previous_files_copied_pages_are_dropped_in_whole_aligned_stretches(
    tmp_path, monkeypatch
):
    """Each stretch dropped starts where the last ended, on a multiple of DROP_ALIGN, and
    ends at or before the last byte read: nothing ahead of the copy is dropped (a stretch
    skipped, where a new piece took the old one's place, is), and every stretch before the
    last copy's aligned end is dropped once."""
    previous = tmp_path / "previous"
    old = os.urandom(5 * DROP_ALIGN + 12345)
    previous.write_bytes(old)
    dropped: list[tuple[int, int]] = []
    real = os.posix_fadvise

    def recording(fd, offset, length, advice):
        if advice == os.POSIX_FADV_DONTNEED:
            dropped.append((offset, length))
        return real(fd, offset, length, advice)

    monkeypatch.setattr(os, "posix_fadvise", recording)
    out = Assembly(tmp_path / "new", previous)
    out.copy((7, DROP_ALIGN))  # ends short of 2 stretches
    out.write(b"new piece")
    out.copy((3 * DROP_ALIGN + 100, len(old) - 3 * DROP_ALIGN - 100))  # to the end
    out.close()
    assert (tmp_path / "new").read_bytes() == (
        old[7 : 7 + DROP_ALIGN] + b"new piece" + old[3 * DROP_ALIGN + 100 :]
    )
    assert all(offset % DROP_ALIGN == 0 and length % DROP_ALIGN == 0 for offset, length in dropped)
    assert [offset for offset, _ in dropped] == [0, *(sum(d) for d in dropped[:-1])]
    assert sum(dropped[-1]) == 5 * DROP_ALIGN  # the last copied byte's stretch, whole


def test_a_refused_drop_of_the_previous_files_pages_does_not_stop_the_copy(tmp_path, monkeypatch):
    previous = tmp_path / "previous"
    old = os.urandom(3 * DROP_ALIGN)
    previous.write_bytes(old)

    def refusing(fd, offset, length, advice):
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(os, "posix_fadvise", refusing)
    out = Assembly(tmp_path / "new", previous)
    out.copy((0, len(old)))
    out.close()
    assert (tmp_path / "new").read_bytes() == old


def test_a_span_past_the_previous_file_is_an_error_at_close(tmp_path):
    previous = tmp_path / "previous"
    previous.write_bytes(b"0123456789")
    out = Assembly(tmp_path / "new", previous)
    out.write(b"head ")
    out.copy((5, 100))  # the previous file has 5 bytes from there
    out.write(b"tail")  # the copy is handed to the thread here
    with pytest.raises(OSError, match="the previous file ended early"):
        out.close()
    assert out.sha256 is None
    assert writing_threads() == []


def test_writer_closes_every_file_when_one_fails(tmp_path):
    good, bad = tmp_path / "good.prev", tmp_path / "bad.prev"
    good.write_bytes(b"a" * 100)
    bad.write_bytes(b"b" * 10)
    digests: dict = {}
    writer = Writer(
        {"kg.nq": tmp_path / "kg.nq", "kg.nt": tmp_path / "kg.nt"},
        {"kg.nq": good, "kg.nt": bad},
        digests,
    )
    writer.add(Chunk(b"", {"kg.nq": (0, 100), "kg.nt": (0, 100)}, 0))
    with pytest.raises(OSError, match="ended early"):
        writer.close()
    assert digests == {tmp_path / "kg.nq": hashlib.sha256(b"a" * 100).hexdigest()}
    assert writing_threads() == []
