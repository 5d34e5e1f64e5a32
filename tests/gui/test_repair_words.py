"""Paper and screen name an order's codes alike (reports/repair_words.py against gui/presenters/repairs.py).

The worker reads the work order sheet, the clerk the window: a state, a category or a payer in
other words on each (公共区域玻璃门灯 on paper, 公共区域玻璃门窗灯具 on screen) reads as two things.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from estatedesk.domain.repairs import Category, Channel, OrderKind, Payer, State, Urgency
from estatedesk.gui.presenters import repairs as present
from estatedesk.reports import repair_words as paper


def test_paper_says_what_the_screen_says(app: QApplication) -> None:
    assert {key: present.category_text(key) for key in Category} == {
        key: paper.CATEGORY_WORDS[key] for key in Category
    }
    assert {state: present.state_text(state) for state in State} == paper.STATE_WORDS
    assert {payer: present.payer_text(payer) for payer in Payer} == paper.PAYER_WORDS
    assert {channel: present.channel_text(channel) for channel in Channel} == paper.CHANNEL_WORDS
    assert {kind: present.kind_text(kind) for kind in OrderKind} == paper.KIND_WORDS
    assert {urgency: present.urgency_text(urgency) for urgency in Urgency} == paper.URGENCY_WORDS
    assert paper.PAYER_WORDS[Payer.ESTATE] == "小区经费" and paper.STATE_WORDS[State.PAUSED] == "已暂停"
