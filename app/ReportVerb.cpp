#include "ReportVerb.h"

#include "BenchmarkDefinitionFile.h"
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
        "Writes the report of a result set: a multi-page A4 PDF (--pdf) and/or one self-contained interactive HTML "
        "page (--html) with the same sections: title page, contents, verdict summary, the article's claims with their "
        "evidence, a section per comparison with charts and tables, methodology, environment and sources. The HTML "
        "opens offline in any browser (it makes no request): charts show values on hover and toggle series from their "
        "legends, tables sort by a click on a header. With --vs, a comparison report of REF (baseline) against REF2. "
        "A REF is an ID or uuid in the database, or a file (FILE or FILE#ID)."));
    const QCommandLineOption db = VerbArguments::databaseOption();
    const QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("The PDF file to write."), QStringLiteral("FILE"));
    const QCommandLineOption html(QStringLiteral("html"), QStringLiteral("The interactive HTML file to write."), QStringLiteral("FILE"));
    const QCommandLineOption vs(QStringLiteral("vs"), QStringLiteral("Compare with this result set (the candidate)."), QStringLiteral("REF2"));
    parser.addOptions({db, pdf, html, vs});
    parser.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("The result set (the baseline with --vs)."));
    if (const std::optional<int> done = VerbArguments::parse(parser, verb, arguments, out, err))
        return *done;
    if (parser.positionalArguments().size() != 1 || (!parser.isSet(pdf) && !parser.isSet(html)))
        return VerbArguments::fail(err, verb, QStringLiteral("give one result set and --pdf FILE, --html FILE or both"), 2);
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return VerbArguments::fail(err, verb, QStringLiteral("drawing charts needs the application started for reports"));
    QList<std::pair<ReportFormat, QString>> outputs;
    if (parser.isSet(pdf))
        outputs.append({ReportFormat::Pdf, parser.value(pdf)});
    if (parser.isSet(html))
        outputs.append({ReportFormat::Html, parser.value(html)});

    QElapsedTimer timer;
    timer.start();
    QString error;
    std::function<bool(ReportFormat, QIODevice *)> write;
    QList<ResultSetBundle> sets;
    std::optional<AnalysedResultSet> loaded;
    PagePlan::Categories categories;
    if (parser.isSet(vs)) {
        // Comparing two sets bootstraps one against the other: that needs both sets' raw values.
        for (const QString &reference : {parser.positionalArguments().first(), parser.value(vs)}) {
            std::optional<ResultSetBundle> set = ResultSetReference::load(reference, parser.value(db), &error);
            if (!set)
                return VerbArguments::fail(err, verb, error);
            sets.append(*set);
        }
        write = [&](ReportFormat format, QIODevice *device) { return ReportWriter::writeComparison(sets.at(0), sets.at(1), format, device, &error); };
    } else {
        // One set's pages draw its stored analysis; its claim verdicts bootstrap the raw values at their rules'
        // confidence, as `showdown claims` does, so the samples are read too (once).
        loaded = ResultSetReference::loadAnalysed(parser.positionalArguments().first(), parser.value(db), &error);
        if (!loaded)
            return VerbArguments::fail(err, verb, error);
        // Sections show what the window's pages show, placed by this build's manifest.
        categories = PagePlan::shipped(&error);
        if (categories.isEmpty())
            return VerbArguments::fail(err, verb, error);
        // A set of the user's own benchmarks places them by the categories its stored definition files declare.
        categories = PagePlan::withUserBenchmarks(categories, BenchmarkDefinitionFile::benchmarksOf(loaded->set.definitions));
        const std::optional<ClaimInputs> claims = ClaimInputs::fromResultSet(loaded->set.samples, loaded->set.runtimes);
        write = [&, claims](ReportFormat format, QIODevice *device) {
            return ReportWriter::writeResultSet(loaded->set.info, loaded->set.runtimes, loaded->analysis, categories, loaded->set.definitions,
                                                claims, format, device, &error);
        };
    }
    // Each file's time is what writing it alone takes: reading the set, then drawing and writing the file.
    const qint64 loadMs = timer.elapsed();
    for (const auto &[format, path] : outputs) {
        timer.restart();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (!write(format, &buffer))
            return VerbArguments::fail(err, verb, error);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.size() || !file.commit())
            return VerbArguments::fail(err, verb, QStringLiteral("cannot write %1 (%2)").arg(path, file.errorString()));
        err << "Wrote " << path << " (" << buffer.size() / 1024 << " KiB) in " << QString::number(double(loadMs + timer.elapsed()) / 1000, 'f', 2)
            << " s\n";
    }
    return 0;
}

} // namespace showdown
