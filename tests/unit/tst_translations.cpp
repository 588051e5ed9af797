// The translations stay whole: every .ts is current with the code (lupdate
// finds nothing new), every German message is finished with the source's
// placeholders, tags, accelerators and edges, and no user-visible literal in
// widgets/ escapes tr().

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {
const QString sourceDir = QStringLiteral(TUSK_SOURCE_DIR);

struct Message {
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    bool numerus = false;
    bool finished = true;
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QList<Message> messages;
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name"))
            context = xml.readElementText();
        else if (name == QLatin1String("message")) {
            if (!current.source.isNull())
                messages << current;
            current = Message {context, QString(), {},
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), true};
        } else if (name == QLatin1String("source"))
            current.source = xml.readElementText();
        else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            current.finished = type.isEmpty();
            if (!current.numerus)
                current.translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform"))
            current.translations << xml.readElementText();
    }
    if (!current.source.isNull())
        messages << current;
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList matches(const QRegularExpression &re, const QString &text)
{
    QStringList out;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        out << m.captured(0);
    return sorted(out);
}

int accelerators(QString text)
{
    static const QRegularExpression entity(QStringLiteral("&(?:[a-zA-Z]+|#\\d+);"));
    text.remove(entity).remove(QStringLiteral("&&"));
    static const QRegularExpression accelerator(QStringLiteral("&(?=\\S)"));
    return int(text.count(accelerator));
}
} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void theFilesAreCurrent();
    void germanIsCompleteAndWellFormed();
    void englishPluralsAreFilled();
    void widgetsLiteralsGoThroughTr();
};

void TestTranslations::theFilesAreCurrent()
{
    // lupdate on a copy: anything new or gone means the committed file is
    // stale (`cmake --build build --target update_translations` fixes it).
    QTemporaryDir dir;
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")}) {
        const QString committed =
            sourceDir + QStringLiteral("/translations/tusk_%1.ts").arg(language);
        const QString copy = dir.filePath(QStringLiteral("tusk_%1.ts").arg(language));
        QVERIFY(QFile::copy(committed, copy));
        QProcess lupdate;
        lupdate.setWorkingDirectory(sourceDir);
        // English holds only the plural forms, as update_translations makes it.
        QStringList arguments = {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
            QStringLiteral("none"), QStringLiteral("-I"), QStringLiteral("."),
            QStringLiteral("app"), QStringLiteral("widgets"), QStringLiteral("core"),
            QStringLiteral("-ts"), copy};
        if (language == QLatin1String("en"))
            arguments.prepend(QStringLiteral("-pluralonly"));
        lupdate.start(QStringLiteral(TUSK_LUPDATE), arguments);
        QVERIFY(lupdate.waitForFinished(120000));
        const QString said = QString::fromUtf8(lupdate.readAllStandardOutput());
        QCOMPARE(lupdate.exitCode(), 0);
        // Current when lupdate leaves it as it is.
        QFile before(committed);
        QFile after(copy);
        QVERIFY(before.open(QIODevice::ReadOnly) && after.open(QIODevice::ReadOnly));
        QVERIFY2(before.readAll() == after.readAll(),
            qPrintable(
                language + QStringLiteral(": stale; run the update_translations target\n") + said));
    }
}

void TestTranslations::germanIsCompleteAndWellFormed()
{
    const QList<Message> messages = readTs(sourceDir + QStringLiteral("/translations/tusk_de.ts"));
    QVERIFY(messages.size() > 900);
    static const QRegularExpression placeholder(QStringLiteral("%(?:L?\\d{1,2}|n)"));
    static const QRegularExpression tag(QStringLiteral("</?[a-zA-Z][a-zA-Z0-9]*"));
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source.left(60);
        if (!m.finished) {
            problems << QStringLiteral("unfinished: ") + where;
            continue;
        }
        if (m.numerus && m.translations.size() != 2)
            problems << QStringLiteral("needs 2 plural forms: ") + where;
        const QStringList sourceMarks = matches(placeholder, m.source);
        for (const QString &t : m.translations) {
            const QStringList marks = matches(placeholder, t);
            if (t.trimmed().isEmpty())
                problems << QStringLiteral("empty: ") + where;
            else if (QSet<QString>(sourceMarks.begin(), sourceMarks.end())
                != QSet<QString>(marks.begin(), marks.end()))
                problems << QStringLiteral("placeholders differ: %1 → %2").arg(where, t);
            else if (matches(tag, m.source) != matches(tag, t))
                problems << QStringLiteral("tags differ: %1 → %2").arg(where, t);
            else if (accelerators(m.source) != accelerators(t))
                problems << QStringLiteral("accelerator: %1 → %2").arg(where, t);
            else if (m.source.endsWith(u'…') != t.endsWith(u'…')
                || m.source.count(u'\n') != t.count(u'\n'))
                problems << QStringLiteral("ellipsis or lines differ: %1 → %2").arg(where, t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::englishPluralsAreFilled()
{
    // Without them the English window says "Terminate 1 session(s)".
    const QList<Message> messages = readTs(sourceDir + QStringLiteral("/translations/tusk_en.ts"));
    QVERIFY(!messages.isEmpty());
    for (const Message &m : messages) {
        QVERIFY2(m.numerus, qPrintable(m.source));
        QVERIFY2(m.finished && m.translations.size() == 2, qPrintable(m.source));
        for (const QString &form : m.translations) {
            QVERIFY2(!form.contains(QLatin1String("(s)")) && form.contains(QLatin1String("%n")),
                qPrintable(m.source + QStringLiteral(" → ") + form));
        }
    }
}

void TestTranslations::widgetsLiteralsGoThroughTr()
{
    // A literal with words handed to something a user reads. Literals that
    // are not prose (object names, SQL, style sheets, formats) do not match:
    // they need two words of letters.
    static const QRegularExpression shown(QStringLiteral(
        "(?:setText|setToolTip|setWindowTitle|setPlaceholderText|setStatusTip|setTitle|"
        "addAction|addTab|insertTab|setTabText|showMessage|addItem|setWhatsThis|"
        "setAccessibleName|QLabel|QPushButton|QToolButton|QCheckBox|QGroupBox|QAction|"
        "QRadioButton)\\s*\\((?:[^;]*?,\\s*)?(?:QStringLiteral|QLatin1String|QString::fromUtf8)?"
        "\\(?\"([^\"]*[A-Za-z]{2,}[ ,.:!?][^\"]*[A-Za-z][^\"]*)\""));
    QFile allowFile(sourceDir + QStringLiteral("/tests/data/i18n-allowed-literals.txt"));
    QVERIFY(allowFile.open(QIODevice::ReadOnly));
    QStringList allowed;
    for (const QString &line : QString::fromUtf8(allowFile.readAll()).split(u'\n'))
        if (!line.trimmed().isEmpty() && !line.startsWith(u'#'))
            allowed << line.section(QStringLiteral("  #"), 0, 0).trimmed();
    QStringList found;
    QDirIterator it(sourceDir + QStringLiteral("/widgets"), {QStringLiteral("*.cpp")}, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString line = lines.at(i);
            for (const QRegularExpressionMatch &m : shown.globalMatch(line)) {
                if (line.contains(QLatin1String("tr(\"") + m.captured(1)))
                    continue;
                if (allowed.contains(m.captured(1)))
                    continue;
                found << QStringLiteral("%1:%2: \"%3\"")
                             .arg(QDir(sourceDir).relativeFilePath(path))
                             .arg(i + 1)
                             .arg(m.captured(1));
            }
        }
    }
    QVERIFY2(found.isEmpty(),
        qPrintable(QStringLiteral("Wrap these in tr() (or list them with why in "
                                  "tests/data/i18n-allowed-literals.txt):\n")
            + found.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
