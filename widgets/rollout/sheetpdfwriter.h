#pragma once

#include <QByteArray>
#include <QString>

namespace tusk::widgets {

// The reviewer's sheet (Markdown) as a PDF, A4, through Qt's own PDF
// output: QTextDocument lays the Markdown out (headings, lists, code
// blocks in a fixed font) and QPdfWriter pages it. The bytes go to the
// user's file through UserFileWriter, like every export. Needs a
// QGuiApplication (fonts); the command line starts one on the offscreen
// platform for `tusk rollout sheet -o x.pdf`.
class SheetPdfWriter {
public:
    static QByteArray render(const QString &markdown);
};

} // namespace tusk::widgets
