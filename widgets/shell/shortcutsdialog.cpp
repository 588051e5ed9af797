#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMap>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tusk::widgets {

namespace {
// The tool an action belongs to: the page widget it sits under
// ("page-sql"), named by the rail's action for it; else the window.
QString placeOf(QAction *action, QWidget *window)
{
    for (QObject *o = action->parent(); o && o != window; o = o->parent()) {
        const QString name = o->objectName();
        if (name.startsWith(QLatin1String("page-")))
            return name.mid(5);
    }
    return QString();
}

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &key : action->shortcuts())
        keys << key.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}
} // namespace

ShortcutsDialog::ShortcutsDialog(
    QWidget *window, const QMap<QString, QString> &toolTitles, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(560, 620);
    m_list->setObjectName(QStringLiteral("shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    m_list->setRootIsDecorated(false);

    QMap<QString, QMap<QString, QString>> byPlace; // tool id → action text → keys
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty() || action->text().isEmpty())
            continue;
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        // "▶ Run": the button's symbol is no part of the name.
        while (!text.isEmpty() && !text.front().isLetterOrNumber())
            text.remove(0, 1);
        const QString place = placeOf(action, window);
        byPlace[place].insert(text, keysOf(action));
    }
    const auto addGroup = [this](const QString &title, const QMap<QString, QString> &actions) {
        auto *group = new QTreeWidgetItem(m_list, {title});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        for (auto it = actions.cbegin(); it != actions.cend(); ++it)
            new QTreeWidgetItem(m_list, {QStringLiteral("    ") + it.key(), it.value()});
    };
    addGroup(tr("Window"), byPlace.value(QString()));
    for (auto it = byPlace.cbegin(); it != byPlace.cend(); ++it)
        if (!it.key().isEmpty())
            addGroup(toolTitles.value(it.key(), it.key()), it.value());
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
}

QStringList ShortcutsDialog::rows() const
{
    QStringList out;
    QString group;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->text(1).isEmpty())
            group = item->text(0);
        else
            out << item->text(0).trimmed() + QLatin1Char('\t') + item->text(1) + QLatin1Char('\t')
                    + group;
    }
    return out;
}

} // namespace tusk::widgets
