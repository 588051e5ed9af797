#include "valueviewer.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tusk::widgets {

ValueViewer::ValueViewer(const QString &title, const QString &value, bool json, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("valueViewer"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    bool isJson = false;
    const QString shown = value.isNull() ? QString()
        : json || value.startsWith(QLatin1Char('{')) || value.startsWith(QLatin1Char('['))
        ? indentedJson(value, &isJson)
        : value;
    m_text->setPlainText(value.isNull() ? tr("NULL") : shown);
    auto *info =
        new QLabel(value.isNull() ? tr("The value is SQL NULL.")
                                  : tr("%n characters%1", nullptr, int(value.size()))
                                        .arg(isJson ? tr(", JSON shown indented") : QString()),
            this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_text->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(info);
    layout->addWidget(buttons);
    resize(700, 500);
}

QString ValueViewer::shownText() const
{
    return m_text->toPlainText();
}

QString ValueViewer::indentedJson(const QString &value, bool *isJson)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(value.toUtf8(), &error);
    const bool ok = error.error == QJsonParseError::NoError && !document.isNull();
    if (isJson)
        *isJson = ok;
    return ok ? QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed() : value;
}

} // namespace tusk::widgets
