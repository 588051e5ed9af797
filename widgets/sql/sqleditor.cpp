#include "sqleditor.h"

#include "core/preferences/preferences.h"

#include "widgets/common/pgsqllexer.h"
#include "widgets/common/sqltheme.h"

#include <QFontDatabase>
#include <QHash>
#include <QKeyEvent>
#include <QToolTip>

#include <climits>
#include <numeric>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
// Indicator numbers 8 and up belong to the container (0–7 to lexers).
// Scintilla draws higher numbers over lower ones, markers too: the worst
// severity gets the highest, so a line or range shows its worst finding.
constexpr int kInfoIndicator = 8;
constexpr int kWarningIndicator = 9;
constexpr int kErrorIndicator = 10;
constexpr int kRunErrorIndicator = 11; // where the server said a run failed
constexpr int kInfoMarker = 1;
constexpr int kWarningMarker = 2;
constexpr int kErrorMarker = 3;
constexpr int kSymbolMargin = 1;
constexpr int kFoldMargin = 2;

int markerFor(Severity severity)
{
    return severity >= Severity::Error  ? kErrorMarker
        : severity >= Severity::Warning ? kWarningMarker
                                        : kInfoMarker;
}
} // namespace

SqlEditor::SqlEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new PgSqlLexer(this))
{
    setUtf8(true);
    setLexer(m_lexer);
    setMarginType(0, NumberMargin);
    setMarginType(kSymbolMargin, SymbolMargin);
    setMarginWidth(kSymbolMargin, 14);
    setMarginSensitivity(kSymbolMargin, true);
    setFolding(BoxedTreeFoldStyle, kFoldMargin);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setIndentationsUseTabs(false);
    setAutoIndent(true);
    setEdgeMode(EdgeNone);
    // The horizontal scroll bar follows the longest line, not a fixed 2000 px.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, true);
    applyLook();
    // Preferences (font, tab width) apply to open editors at once.
    connect(Preferences::instance(), &Preferences::changed, this, [this](const QString &key) {
        if (key == QLatin1String(Preferences::fontFamilyKey)
            || key == QLatin1String(Preferences::tabWidthKey))
            applyLook();
    });

    connect(this, &QsciScintilla::textChanged, this, [this] { ++m_revision; });
    SendScintilla(SCI_SETMOUSEDWELLTIME, 400);
    connect(this, &QsciScintillaBase::SCN_DWELLSTART, this, &SqlEditor::showTipAt);
    connect(this, &QsciScintillaBase::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
}

QFont SqlEditor::editorFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const Preferences *preferences = Preferences::instance();
    if (!preferences->editorFontFamily().isEmpty())
        font.setFamily(preferences->editorFontFamily());
    if (preferences->editorFontSize() > 0)
        font.setPointSize(preferences->editorFontSize());
    return font;
}

void SqlEditor::applyLook()
{
    const QFont font = editorFont();
    const SqlTheme theme(palette());
    theme.apply(m_lexer, font);
    setMarginsFont(font);
    setMarginWidth(0, QStringLiteral("00000"));
    setCaretLineBackgroundColor(theme.currentLine());
    // Margins and caret from the palette too, or a dark theme keeps a
    // light gutter.
    const QPalette colors = palette();
    setMarginsBackgroundColor(colors.color(QPalette::Window));
    setMarginsForegroundColor(colors.color(QPalette::PlaceholderText));
    setFoldMarginColors(colors.color(QPalette::Window), colors.color(QPalette::Window));
    setCaretForegroundColor(colors.color(QPalette::Text));
    setTabWidth(Preferences::instance()->tabWidth());
    defineMarks();
}

void SqlEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    // A theme switched while Tusk runs (Preferences, or the desktop's).
    if (event->type() == QEvent::PaletteChange)
        applyLook();
}

void SqlEditor::defineMarks()
{
    const SqlTheme theme(palette());
    const struct {
        int indicator;
        int marker;
        QColor color;
        MarkerSymbol symbol;
    } marks[] = {
        {kErrorIndicator, kErrorMarker, theme.error(), Circle},
        {kWarningIndicator, kWarningMarker, theme.warning(), Circle},
        {kInfoIndicator, kInfoMarker, theme.info(), SmallRectangle},
    };
    int mask = 0;
    for (const auto &m : marks) {
        indicatorDefine(SquigglePixmapIndicator, m.indicator);
        setIndicatorForegroundColor(m.color, m.indicator);
        // Drawn under the text, so a squiggle never hides an underscore.
        SendScintilla(SCI_INDICSETUNDER, m.indicator, true);
        markerDefine(m.symbol, m.marker);
        setMarkerBackgroundColor(m.color, m.marker);
        setMarkerForegroundColor(m.color.darker(130), m.marker);
        mask |= 1 << m.marker;
    }
    setMarginMarkerMask(kSymbolMargin, mask);
    // A thick straight underline: unlike the lint's squiggles, this is what
    // the server refused.
    indicatorDefine(ThickCompositionIndicator, kRunErrorIndicator);
    setIndicatorForegroundColor(theme.error(), kRunErrorIndicator);
}

int SqlEditor::indicatorFor(Severity severity)
{
    return severity >= Severity::Error  ? kErrorIndicator
        : severity >= Severity::Warning ? kWarningIndicator
                                        : kInfoIndicator;
}

QByteArray SqlEditor::bytes() const
{
    auto *self = const_cast<SqlEditor *>(this);
    const long length = self->SendScintilla(SCI_GETLENGTH);
    const auto *text = reinterpret_cast<const char *>(self->SendScintilla(SCI_GETCHARACTERPOINTER));
    return QByteArray(text, length);
}

int SqlEditor::lineOfPosition(int position) const
{
    return int(const_cast<SqlEditor *>(this)->SendScintilla(SCI_LINEFROMPOSITION, position));
}

bool SqlEditor::setFindings(quint64 revision, const QList<Finding> &findings)
{
    if (revision != m_revision)
        return false;
    m_findings = findings;
    m_findingsRevision = revision;
    const long length = SendScintilla(SCI_GETLENGTH);
    for (int indicator : {kErrorIndicator, kWarningIndicator, kInfoIndicator}) {
        SendScintilla(SCI_SETINDICATORCURRENT, indicator);
        SendScintilla(SCI_INDICATORCLEARRANGE, 0, length);
    }
    for (int marker : {kErrorMarker, kWarningMarker, kInfoMarker})
        markerDeleteAll(marker);
    // The worst last, so it is the one a shared range shows.
    QList<int> order(findings.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
        [&findings](int a, int b) { return findings.at(a).severity < findings.at(b).severity; });
    QHash<int, Severity> worstOnLine;
    for (int i : order) {
        const Finding &f = findings.at(i);
        const long begin = std::clamp<long>(long(f.range.begin), 0, length);
        long end = std::clamp<long>(long(f.range.end), begin, length);
        if (end == begin) // a point: mark to the end of its line
            end = SendScintilla(SCI_GETLINEENDPOSITION, lineOfPosition(int(begin)));
        if (end > begin) {
            SendScintilla(SCI_SETINDICATORCURRENT, indicatorFor(f.severity));
            // The value names the finding, for the tooltip (0 means none).
            SendScintilla(SCI_SETINDICATORVALUE, i + 1);
            SendScintilla(SCI_INDICATORFILLRANGE, begin, end - begin);
        }
        worstOnLine[lineOfPosition(int(begin))] = f.severity; // in order: the last is the worst
    }
    // One marker a line, its worst finding's: overlapping symbols blur.
    for (auto it = worstOnLine.cbegin(); it != worstOnLine.cend(); ++it)
        markerAdd(it.key(), markerFor(it.value()));
    emit findingsChanged();
    return true;
}

int SqlEditor::findingAt(int position) const
{
    auto *self = const_cast<SqlEditor *>(this);
    for (int indicator : {kErrorIndicator, kWarningIndicator, kInfoIndicator}) {
        const long value = self->SendScintilla(SCI_INDICATORVALUEAT, indicator, position);
        if (value > 0 && value <= m_findings.size())
            return int(value) - 1;
    }
    return -1;
}

QList<int> SqlEditor::findingsAt(int position) const
{
    QList<int> found;
    if (findingsAreCurrent()) {
        for (int i = 0; i < m_findings.size(); ++i) {
            const ByteRange &r = m_findings.at(i).range;
            // The caret just after the last byte still touches it.
            if (position >= r.begin && (position < r.end || (position == r.end && r.end > r.begin)))
                found << i;
        }
    } else {
        auto *self = const_cast<SqlEditor *>(this);
        for (int indicator : {kErrorIndicator, kWarningIndicator, kInfoIndicator}) {
            const long value = self->SendScintilla(SCI_INDICATORVALUEAT, indicator, position);
            if (value > 0 && value <= m_findings.size())
                found << int(value) - 1;
        }
    }
    std::stable_sort(found.begin(), found.end(),
        [this](int a, int b) { return m_findings.at(a).severity > m_findings.at(b).severity; });
    return found;
}

void SqlEditor::goToFinding(int index)
{
    if (index < 0 || index >= m_findings.size())
        return;
    // Where the squiggle is now (edits may have moved it), else the range
    // as linted.
    const Finding &f = m_findings.at(index);
    long begin = long(f.range.begin);
    long end = long(f.range.end);
    const int indicator = indicatorFor(f.severity);
    const long length = SendScintilla(SCI_GETLENGTH);
    for (long at = 0; at < length;) {
        const long start = SendScintilla(SCI_INDICATORSTART, indicator, at);
        const long stop = SendScintilla(SCI_INDICATOREND, indicator, start);
        if (SendScintilla(SCI_INDICATORVALUEAT, indicator, start) == index + 1) {
            begin = start;
            end = stop;
            break;
        }
        if (stop <= at)
            break;
        at = stop;
    }
    SendScintilla(SCI_SETSEL, begin, end);
    SendScintilla(SCI_SCROLLCARET);
    setFocus();
}

bool SqlEditor::applyFix(int index)
{
    if (index < 0 || index >= m_findings.size() || m_findings.at(index).fix.isEmpty()
        || m_findingsRevision != m_revision)
        return false;
    QList<TextEdit> edits = m_findings.at(index).fix;
    // Back to front: earlier offsets stay valid.
    std::sort(edits.begin(), edits.end(),
        [](const TextEdit &a, const TextEdit &b) { return a.range.begin > b.range.begin; });
    beginUndoAction();
    for (const TextEdit &edit : std::as_const(edits)) {
        SendScintilla(SCI_SETTARGETRANGE, long(edit.range.begin), long(edit.range.end));
        SendScintilla(
            SCI_REPLACETARGET, long(edit.replacement.size()), edit.replacement.constData());
    }
    endUndoAction();
    return true;
}

void SqlEditor::toggleComment()
{
    int lineFrom = 0, indexFrom = 0, lineTo = 0, indexTo = 0;
    if (hasSelectedText()) {
        getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
        if (indexTo == 0 && lineTo > lineFrom)
            --lineTo; // a selection ending at a line's start leaves that line out
    } else {
        getCursorPosition(&lineFrom, &indexFrom);
        lineTo = lineFrom;
    }
    bool allCommented = true;
    int indent = INT_MAX;
    for (int line = lineFrom; line <= lineTo; ++line) {
        const QString text = this->text(line);
        if (text.trimmed().isEmpty())
            continue;
        allCommented = allCommented && text.trimmed().startsWith(QLatin1String("--"));
        int lead = 0;
        while (lead < text.size() && (text.at(lead) == u' ' || text.at(lead) == u'\t'))
            ++lead;
        indent = std::min(indent, lead);
    }
    if (indent == INT_MAX)
        return; // only blank lines
    beginUndoAction();
    for (int line = lineFrom; line <= lineTo; ++line) {
        const QString text = this->text(line);
        if (text.trimmed().isEmpty())
            continue;
        if (allCommented) {
            const int at = int(text.indexOf(QLatin1String("--")));
            const int width = text.mid(at + 2, 1) == QLatin1String(" ") ? 3 : 2;
            setSelection(line, at, line, at + width);
            removeSelectedText();
        } else {
            insertAt(QStringLiteral("-- "), line, indent);
        }
    }
    endUndoAction();
}

QString SqlEditor::tipFor(const Finding &f) const
{
    QString tip = QStringLiteral("<b>%1</b> <span style='color:gray'>%2</span><br>%3")
                      .arg(severityName(f.severity).toHtmlEscaped(), f.rule.toHtmlEscaped(),
                          f.message.toHtmlEscaped());
    if (!f.lock.isEmpty())
        tip += tr("<br><b>Lock:</b> %1").arg(f.lock.toHtmlEscaped());
    if (!f.note.isEmpty())
        tip += QStringLiteral("<br><i>%1</i>").arg(f.note.toHtmlEscaped());
    if (!f.alternative.isEmpty())
        tip += tr("<br><b>Instead:</b><pre>%1</pre>").arg(f.alternative.toHtmlEscaped());
    if (!f.fix.isEmpty())
        tip += tr("<br>A quick fix rewrites it (Ctrl+.).");
    return tip;
}

void SqlEditor::setKeywords(const QStringList &words)
{
    m_lexer->setKeywords(words);
    SendScintilla(SCI_SETKEYWORDS, 0UL, m_lexer->keywords(1));
    recolor();
}

bool SqlEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !isListActive()
        && !isCallTipActive()) {
        event->ignore();
        return false;
    }
    return QsciScintilla::event(event);
}

int SqlEditor::caretPosition() const
{
    return int(const_cast<SqlEditor *>(this)->SendScintilla(SCI_GETCURRENTPOS));
}

std::pair<int, int> SqlEditor::selectionRange() const
{
    auto *self = const_cast<SqlEditor *>(this);
    return {int(self->SendScintilla(SCI_GETSELECTIONSTART)),
        int(self->SendScintilla(SCI_GETSELECTIONEND))};
}

std::pair<int, int> SqlEditor::tokenAt(int position) const
{
    auto *self = const_cast<SqlEditor *>(this);
    const int length = int(self->SendScintilla(SCI_GETLENGTH));
    if (position >= length)
        return {std::max(0, length - 1), length};
    const int end = int(self->SendScintilla(SCI_WORDENDPOSITION, position, true));
    if (end > position)
        return {position, end};
    return {position, int(self->SendScintilla(SCI_POSITIONAFTER, position))};
}

void SqlEditor::markRunError(int position, const QString &message)
{
    clearRunError();
    const auto [begin, end] = tokenAt(position);
    SendScintilla(SCI_SETINDICATORCURRENT, kRunErrorIndicator);
    SendScintilla(SCI_INDICATORFILLRANGE, begin, end - begin);
    m_runError = message;
    SendScintilla(SCI_GOTOPOS, begin);
    ensureLineVisible(lineOfPosition(begin));
}

void SqlEditor::clearRunError()
{
    SendScintilla(SCI_SETINDICATORCURRENT, kRunErrorIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
    m_runError.clear();
}

std::pair<int, int> SqlEditor::runErrorRange() const
{
    auto *self = const_cast<SqlEditor *>(this);
    const int length = int(self->SendScintilla(SCI_GETLENGTH));
    for (int at = 0; at < length;) {
        if (self->SendScintilla(SCI_INDICATORVALUEAT, kRunErrorIndicator, at) != 0) {
            return {int(self->SendScintilla(SCI_INDICATORSTART, kRunErrorIndicator, at)),
                int(self->SendScintilla(SCI_INDICATOREND, kRunErrorIndicator, at))};
        }
        const int next = int(self->SendScintilla(SCI_INDICATOREND, kRunErrorIndicator, at));
        if (next <= at)
            break;
        at = next;
    }
    return {-1, -1};
}

QString SqlEditor::toolTipAt(int position) const
{
    QStringList tips;
    auto *self = const_cast<SqlEditor *>(this);
    if (!m_runError.isEmpty()
        && self->SendScintilla(SCI_INDICATORVALUEAT, kRunErrorIndicator, position) != 0)
        tips << QStringLiteral("<b>%1</b>").arg(m_runError.toHtmlEscaped());
    for (int i : findingsAt(position))
        tips << tipFor(m_findings.at(i));
    return tips.join(QLatin1String("<hr>"));
}

void SqlEditor::showTipAt(int position, int x, int y)
{
    const QString tip = position < 0 ? QString() : toolTipAt(position);
    if (!tip.isEmpty())
        QToolTip::showText(viewport()->mapToGlobal(QPoint(x, y)), tip, viewport());
}

} // namespace tusk::widgets
