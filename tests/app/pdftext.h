// Reading back the PDFs the app writes, with poppler-utils (scripts/setup installs it): the text as laid out on
// the page (pdftotext -layout; pages end with a form feed) and the page count (pdfinfo).
#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace outreach::test {

struct PdfRead
{
    bool ok = false;
    QString text; // stdout, or what went wrong
};

inline PdfRead runPoppler(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return {false,
                QStringLiteral("%1 did not run (install poppler-utils: scripts/setup): %2")
                    .arg(program, process.errorString())};
    if (process.exitCode() != 0)
        return {false, QStringLiteral("%1 failed: %2").arg(program, QString::fromUtf8(process.readAllStandardError()))};
    return {true, QString::fromUtf8(process.readAllStandardOutput())};
}

inline PdfRead pdfText(const QString &path)
{
    return runPoppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
}

// The "Pages:" of pdfinfo; -1 when it cannot be read.
inline int pdfPages(const QString &path)
{
    const PdfRead info = runPoppler(QStringLiteral("pdfinfo"), {path});
    static const QRegularExpression pages(QStringLiteral("^Pages:\\s+(\\d+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = pages.match(info.text);
    return info.ok && m.hasMatch() ? m.captured(1).toInt() : -1;
}

// Runs of spaces (the layout's columns) as one space, so that a row reads "Rayners Lane 12 80.0%".
inline QString squeezed(const QString &text)
{
    static const QRegularExpression spaces(QStringLiteral("[ \\t]+"));
    return QString(text).replace(spaces, QStringLiteral(" "));
}

} // namespace outreach::test
