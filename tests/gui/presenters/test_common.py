"""Texts every tab shows alike (gui/presenters/common.py): times, places, grey hints; without Qt."""

from __future__ import annotations

import subprocess
import sys

from estatedesk.gui.presenters import common


def test_the_common_texts_need_no_qt() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, estatedesk.gui.presenters.common as c; "
            "print(any(m.split('.')[0] in ('PySide6', 'shiboken6', 'qtawesome') for m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"


def test_local_time_shows_a_utc_timestamp_in_the_computers_time(shanghai: None) -> None:
    assert common.local_time("2025-03-01T16:05:59+00:00") == "2025-03-02 00:05"


def test_local_time_gives_back_what_it_cannot_read() -> None:
    assert common.local_time("yesterday") == "yesterday"
    assert common.local_time("") == ""


def test_place_texts() -> None:
    assert common.place_text("3") == "Building 3"
    assert common.place_text("3", "2") == "Unit 2"


def test_scope_text_names_the_part_of_the_estate_in_chinese() -> None:
    assert common.scope_text(("3", "2"), "张") == "3号楼 2单元，搜索“张”"
    assert common.scope_text(("3", None), "") == "3号楼"
    assert common.scope_text(None, "  王玥 ") == "搜索“王玥”"
    assert common.scope_text(None, "   ") == ""


def test_a_grey_hint_is_escaped_html() -> None:
    assert (
        common.grey("<b>没有</b> & 空")
        == f"<p style='color:{common.MUTED}'>&lt;b&gt;没有&lt;/b&gt; &amp; 空</p>"
    )
