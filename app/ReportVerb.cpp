#include "ReportVerb.h"

#include "PagePlan.h"
#include "ReportWriter.h"
#include "ResultSetReference.h"
#include "VerbArguments.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QSaveFile>

namespace showdown {

int reportVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString verb = QStringLiteral("report");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes a multi-page A4 PDF report of a result set: title page, contents, verdict summary, a section per "
        "comparison with vector charts and tables, methodology, environment and sources. With --vs, a comparison "
        "report of REF (baseline) against REF2. A REF is an ID or uuid in the database, or a file (FILE or FILE#ID)."));
    const QCommandLineOption db = VerbArguments::databaseOption();
    const QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("The PDF file to write."), QStringLiteral("FILE"));
    const QCommandLineOption vs(QStringLiteral("vs"), QStringLiteral("Compare with this result set (the candidate)."), QStringLiteral("REF2"));
    parser.addOptions({db, pdf, vs});
    parser.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("The result set (the baseline with --vs)."));
    if (const std::optional<int> done = VerbArguments::parse(parser, verb, arguments, out, err))
        return *done;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(pdf))
        return VerbArguments::fail(err, verb, QStringLiteral("give one result set and --pdf FILE"), 2);
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return VerbArguments::fail(err, verb, QStringLiteral("drawing charts needs the application started for reports"));

    QElapsedTimer timer;
    timer.start();
    QString error;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (parser.isSet(vs)) {
        // Comparing two sets bootstraps one against the other: that needs both sets' raw values.
        QList<ResultSetBundle> sets;
        for (const QString &reference : {parser.positionalArguments().first(), parser.value(vs)}) {
            std::optional<ResultSetBundle> set = ResultSetReference::load(reference, parser.value(db), &error);
            if (!set)
                return VerbArguments::fail(err, verb, error);
            sets.append(*set);
        }
        if (!ReportWriter::writeComparison(sets.at(0), sets.at(1), &buffer, &error))
            return VerbArguments::fail(err, verb, error);
    } else {
        // One set's pages draw its stored analysis; its claim findings bootstrap the raw values at their rules'
        // confidence, as `showdown claims` does, so the samples are read too (once).
        const std::optional<AnalysedResultSet> loaded = ResultSetReference::loadAnalysed(parser.positionalArguments().first(), parser.value(db), &error);
        // Sections show what the window's pages show, placed by this build's manifest.
        const PagePlan::Categories categories = loaded ? PagePlan::shipped(&error) : PagePlan::Categories{};
        if (!loaded || categories.isEmpty()
            || !ReportWriter::writeResultSet(loaded->set.info, loaded->set.runtimes, loaded->analysis, categories,
                                             ClaimInputs::fromResultSet(loaded->set.samples, loaded->set.runtimes), &buffer, &error))
            return VerbArguments::fail(err, verb, error);
    }
    QSaveFile file(parser.value(pdf));
    if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.size() || !file.commit())
        return VerbArguments::fail(err, verb, QStringLiteral("cannot write %1 (%2)").arg(parser.value(pdf), file.errorString()));
    err << "Wrote " << parser.value(pdf) << " (" << buffer.size() / 1024 << " KiB) in " << QString::number(double(timer.elapsed()) / 1000, 'f', 2)
        << " s\n";
    return 0;
}

} // namespace showdown
