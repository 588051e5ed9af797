#pragma once

#include <QByteArray>
#include <QFrame>

class QLabel;
class QPushButton;

namespace tusk::widgets {

// Under an editor tab's run bar after a structure change succeeded: offers
// to append the statements as they ran (not the whole editor text) to the
// latest pending migration, whose CHANGELOG follows. Inline, so nothing
// waits on the user; Dismiss or a new run puts it away.
class AddToMigrationBar : public QFrame {
    Q_OBJECT
public:
    explicit AddToMigrationBar(QWidget *parent = nullptr);

    void offer(const QByteArray &statements, int count);
    QByteArray statements() const { return m_statements; }

signals:
    void addRequested(const QByteArray &statements);

private:
    QLabel *m_text;
    QPushButton *m_add;
    QByteArray m_statements;
};

} // namespace tusk::widgets
