#include "toolplaceholder.h"

#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace tusk::widgets {

ToolPlaceholder::ToolPlaceholder(const Info &info, QWidget *parent)
    : QWidget(parent)
    , m_info(info)
{
    const QIcon icon(QStringLiteral(":/icons/tool-%1.svg").arg(info.id));
    const QString &title = info.title;
    const QString &description = info.description;
    auto *iconLabel = new QLabel(this);
    iconLabel->setPixmap(icon.pixmap(64, 64, QIcon::Disabled));
    iconLabel->setAlignment(Qt::AlignHCenter);

    auto *titleLabel = new QLabel(title, this);
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setWeight(QFont::DemiBold);
    titleLabel->setFont(titleFont);
    titleLabel->setAlignment(Qt::AlignHCenter);

    auto *descriptionLabel = new QLabel(description, this);
    descriptionLabel->setWordWrap(true);
    descriptionLabel->setAlignment(Qt::AlignHCenter);
    // An aligned layout item ignores heightForWidth(), so the wrapped
    // label gets a fixed width and the height that width needs.
    descriptionLabel->setFixedWidth(460);
    descriptionLabel->setMinimumHeight(descriptionLabel->heightForWidth(460));
    descriptionLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(iconLabel);
    layout->addSpacing(12);
    layout->addWidget(titleLabel);
    layout->addSpacing(6);
    layout->addWidget(descriptionLabel, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

} // namespace tusk::widgets
