"""The packs in the bank, each with its topics, question counts and the learner's mastery."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from quiz_app.core.bank import PackSummary


class PackListWidget(QTreeWidget):
    """The packs in the bank, each with its topics and question counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Pack / topic"), self.tr("Questions"), self.tr("Mastery")])
        self.setAccessibleName(self.tr("Question packs"))
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def checked_topics(self) -> set[int]:
        """Ids of the ticked topics (kept when the list is redrawn)."""
        return {
            int(item.data(0, Qt.ItemDataRole.UserRole))
            for item in _topic_items(self)
            if item.checkState(0) == Qt.CheckState.Checked
        }

    def show_packs(
        self,
        packs: list[PackSummary],
        language: str = "en",
        mastery: dict[int, tuple[float, int]] | None = None,
    ) -> None:
        """List the packs; each topic can be ticked to choose it (none ticked: all).
        With ``mastery`` (topic id -> summed recall, questions) a third column shows it."""
        checked = self.checked_topics()
        self.clear()
        for pack in packs:
            item = _row(f"{pack.title.get(language)}  ({pack.version})", pack.question_count)
            item.setData(0, Qt.ItemDataRole.UserRole, pack.id)
            pack_right, pack_total = 0.0, 0
            for topic in pack.topics:
                child = _row(topic.title.get(language), topic.question_count)
                child.setData(0, Qt.ItemDataRole.UserRole, int(topic.id))
                child.setCheckState(
                    0,
                    Qt.CheckState.Checked if int(topic.id) in checked else Qt.CheckState.Unchecked,
                )
                if mastery is not None:
                    right, total = mastery.get(int(topic.id), (0, 0))
                    pack_right, pack_total = pack_right + right, pack_total + total
                    _set_mastery(child, right, total)
                item.addChild(child)
            if mastery is not None:
                _set_mastery(item, pack_right, pack_total)
            self.addTopLevelItem(item)
            item.setExpanded(True)


def _topic_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items: list[QTreeWidgetItem] = []
    for i in range(tree.topLevelItemCount()):
        pack = tree.topLevelItem(i)
        assert pack is not None
        items.extend(child for j in range(pack.childCount()) if (child := pack.child(j)))
    return items


def _set_mastery(item: QTreeWidgetItem, recall: float, total: int) -> None:
    percent = round(100 * recall / total) if total else 0
    item.setText(2, f"{percent} %")
    item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _row(title: str, count: int) -> QTreeWidgetItem:
    item = QTreeWidgetItem([title, str(count)])
    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def selected_pack(tree: QTreeWidget) -> str | None:
    """The id of the pack whose row (or one of whose topics) is the current item."""
    item = tree.currentItem()
    while item is not None and item.parent() is not None:
        item = item.parent()
    return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))
