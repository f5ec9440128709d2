// The runtime matrix end to end, through the `showdown` binary as a user runs it: the same programs on node, Bun
// (and Deno where present), CPython and PyPy in one result set, compared within each family against its
// baseline and across families, and every claim judged per JavaScript x Python pairing. Real runtimes only:
// a missing one skips the test (and fails it under SHOWDOWN_TEST_MATRIX_REQUIRED=1, which the test command sets
// after installing Bun).

#include "CommandRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString showdownBinary()
{
    return qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown");
}

QJsonObject jsonOf(const CommandRun &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

/// "a / b" for every comparison of a list, with the benchmark: what was compared with what.
QSet<QString> pairsOf(const QJsonArray &comparisons, const char *first, const char *second)
{
    QSet<QString> pairs;
    for (const QJsonValue &value : comparisons) {
        const QJsonObject c = value.toObject();
        pairs.insert(QStringLiteral("%1 %2/%3").arg(c.value(QLatin1String("benchmark")).toString(), c.value(QLatin1String(first)).toString(),
                                                      c.value(QLatin1String(second)).toString()));
    }
    return pairs;
}

} // namespace

class RuntimeMatrixTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QMap<QString, QString> m_paths;  ///< kind -> path of the first available runtime of it
    QMap<QString, QString> m_names;  ///< kind -> its name (bun, or bun-1.4.5 when Showdown installed it)

    [[nodiscard]] CommandRun showdown(const QStringList &arguments) const
    {
        return runCommand(showdownBinary(), arguments);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("matrix.sqlite"));
        // What this machine has, as `showdown runtimes --json` finds it (PATH, version managers, Showdown's folder).
        const CommandRun runtimes = showdown({QStringLiteral("runtimes"), QStringLiteral("--json")});
        QCOMPARE(runtimes.code, 0);
        for (const QJsonValue &value : jsonOf(runtimes).value(QLatin1String("runtimes")).toArray()) {
            const QJsonObject runtime = value.toObject();
            QVERIFY2(runtime.contains(QLatin1String("family")) && runtime.contains(QLatin1String("kind")), qPrintable(runtime.value(QLatin1String("name")).toString()));
            const QString kind = runtime.value(QLatin1String("kind")).toString();
            if (runtime.value(QLatin1String("available")).toBool() && !m_paths.contains(kind)) {
                m_paths.insert(kind, runtime.value(QLatin1String("path")).toString());
                m_names.insert(kind, runtime.value(QLatin1String("name")).toString());
            }
        }
        QStringList missing;
        for (const char *kind : {"node", "bun", "cpython", "pypy"}) {
            if (!m_paths.contains(QLatin1String(kind)))
                missing << QLatin1String(kind);
        }
        if (!missing.isEmpty()) {
            const QString why = QStringLiteral("runtimes missing for the matrix: %1 (bootstrap's test mode installs them)").arg(missing.join(QStringLiteral(", ")));
            if (qEnvironmentVariableIsSet("SHOWDOWN_TEST_MATRIX_REQUIRED"))
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
    }

    void everyProgramRunsOnEveryRuntimeOfItsFamilyWithTheSameResult()
    {
        QStringList arguments{QStringLiteral("run"), QStringLiteral("--db"), m_db, QStringLiteral("--suite"), QStringLiteral("quick"),
                              QStringLiteral("--only"), QStringLiteral("nbody,fib,json-roundtrip"), QStringLiteral("--json")};
        for (const QString &kind : {QStringLiteral("node"), QStringLiteral("bun"), QStringLiteral("deno"), QStringLiteral("cpython"), QStringLiteral("pypy")}) {
            if (m_paths.contains(kind))
                arguments << QStringLiteral("--runtime") << m_paths.value(kind);
        }
        const CommandRun run = showdown(arguments);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject result = jsonOf(run);
        QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("complete"));
        // A sample whose checksum differed from the manifest's (the same for every runtime) would be invalid.
        QCOMPARE(result.value(QLatin1String("invalid")).toInt(), 0);
        QCOMPARE(result.value(QLatin1String("skipped")).toInt(), 0);
        const int runtimes = int(m_paths.contains(QStringLiteral("deno"))) + 4;
        QVERIFY(result.value(QLatin1String("processes")).toInt() >= 3 * runtimes);

        const CommandRun show = showdown({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QVERIFY2(show.code == 0, qPrintable(show.err));
        const QJsonObject set = jsonOf(show);
        // Each runtime recorded with its family and the kind it reported itself as (Bun is not Node).
        QMap<QString, QString> kindOf;
        for (const QJsonValue &value : set.value(QLatin1String("result_set")).toObject().value(QLatin1String("runtimes")).toArray()) {
            const QJsonObject runtime = value.toObject();
            kindOf.insert(runtime.value(QLatin1String("name")).toString(), runtime.value(QLatin1String("kind")).toString());
            QCOMPARE(runtime.value(QLatin1String("family")).toString(),
                     QStringList({QStringLiteral("node"), QStringLiteral("bun"), QStringLiteral("deno")}).contains(runtime.value(QLatin1String("kind")).toString())
                         ? QStringLiteral("javascript")
                         : QStringLiteral("python"));
        }
        QCOMPARE(QSet<QString>(kindOf.begin(), kindOf.end()).size(), runtimes);
        const QString node = kindOf.key(QStringLiteral("node"));
        const QString bun = kindOf.key(QStringLiteral("bun"));
        const QString cpython = kindOf.key(QStringLiteral("cpython"));
        const QString pypy = kindOf.key(QStringLiteral("pypy"));
        for (const QJsonValue &value : set.value(QLatin1String("rows")).toArray())
            QVERIFY2(value.toObject().value(QLatin1String("valid")).toBool(), qPrintable(QJsonDocument(value.toObject()).toJson()));

        // Within each family, against its baseline (the newest Node, the system CPython).
        const QJsonObject baselines = set.value(QLatin1String("baselines")).toObject();
        QCOMPARE(baselines.value(QLatin1String("javascript")).toString(), node);
        QCOMPARE(baselines.value(QLatin1String("python")).toString(), cpython);
        const QSet<QString> within = pairsOf(set.value(QLatin1String("runtime_comparisons")).toArray(), "runtime", "baseline");
        // Across families, every JavaScript runtime against every Python one.
        const QSet<QString> across = pairsOf(set.value(QLatin1String("comparisons")).toArray(), "node_runtime", "python_runtime");
        for (const QString &benchmark : {QStringLiteral("nbody"), QStringLiteral("fib"), QStringLiteral("json-roundtrip")}) {
            QVERIFY2(within.contains(QStringLiteral("%1 %2/%3").arg(benchmark, bun, node)), qPrintable(benchmark));
            QVERIFY2(within.contains(QStringLiteral("%1 %2/%3").arg(benchmark, pypy, cpython)), qPrintable(benchmark));
            for (const QString &javascript : {node, bun}) {
                for (const QString &python : {cpython, pypy})
                    QVERIFY2(across.contains(QStringLiteral("%1 %2/%3").arg(benchmark, javascript, python)), qPrintable(javascript + python));
            }
        }
        QCOMPARE(within.size(), 3 * (runtimes - 2));
        QCOMPARE(across.size(), 3 * (runtimes - 2) * 2);
        // PyPy's JIT against CPython's interpreter on nbody: far ahead (other measurements say 10-15x; never slower).
        for (const QJsonValue &value : set.value(QLatin1String("runtime_comparisons")).toArray()) {
            const QJsonObject c = value.toObject();
            if (c.value(QLatin1String("benchmark")).toString() == QLatin1String("nbody") && c.value(QLatin1String("runtime")).toString() == pypy)
                QVERIFY2(c.value(QLatin1String("ci_high")).toDouble() < 0.5, qPrintable(QJsonDocument(c).toJson()));
        }
    }

    void everyClaimIsJudgedForEveryPairing()
    {
        const CommandRun claims = showdown({QStringLiteral("claims"), QStringLiteral("1"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QVERIFY2(claims.code == 0, qPrintable(claims.err));
        const QJsonObject judged = jsonOf(claims);
        QStringList ids;
        for (const QJsonValue &claim : judged.value(QLatin1String("claims")).toArray()) {
            ids << claim.toObject().value(QLatin1String("id")).toString();
            QVERIFY(claim.toObject().value(QLatin1String("by_pairing")).isString());
        }
        QVERIFY(ids.contains(QStringLiteral("jit")) && ids.contains(QStringLiteral("gil")));
        const QJsonArray pairings = judged.value(QLatin1String("pairings")).toArray();
        const int javascript = m_paths.contains(QStringLiteral("deno")) ? 3 : 2;
        QCOMPARE(pairings.size(), javascript * 2);
        QSet<QString> labels;
        for (const QJsonValue &value : pairings) {
            const QJsonObject pairing = value.toObject();
            labels.insert(pairing.value(QLatin1String("label")).toString());
            QStringList pairingIds;
            for (const QJsonValue &verdict : pairing.value(QLatin1String("verdicts")).toArray()) {
                pairingIds << verdict.toObject().value(QLatin1String("id")).toString();
                QVERIFY(!verdict.toObject().value(QLatin1String("verdict")).toString().isEmpty());
            }
            QCOMPARE(pairingIds, ids);
        }
        QCOMPARE(labels.size(), pairings.size());
        // The single verdicts are the baselines' pairing, the matrix's first column.
        const QJsonObject first = pairings.first().toObject();
        QCOMPARE(first.value(QLatin1String("javascript")).toString(), judged.value(QLatin1String("baselines")).toObject().value(QLatin1String("javascript")).toString());
        QCOMPARE(first.value(QLatin1String("python")).toString(), judged.value(QLatin1String("baselines")).toObject().value(QLatin1String("python")).toString());
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(first.value(QLatin1String("verdicts")).toArray().at(i).toObject().value(QLatin1String("verdict")),
                     judged.value(QLatin1String("claims")).toArray().at(i).toObject().value(QLatin1String("verdict")));
    }

    void theReportCarriesTheMatrixAndTheBaselineComparisons()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("matrix.pdf"));
        const CommandRun report = showdown({QStringLiteral("report"), QStringLiteral("1"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf});
        QVERIFY2(report.code == 0, qPrintable(report.err));
        const CommandRun text = runCommand(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QCOMPARE(text.code, 0);
        const qsizetype matrix = text.out.indexOf(QStringLiteral("Each claim judged for every JavaScript x Python pairing"));
        QVERIFY(matrix >= 0);
        // The matrix's header names every pairing (a label may wrap inside its column: each runtime's name is there).
        const QString header = text.out.mid(matrix, 1500);
        for (const QString &kind : {QStringLiteral("node"), QStringLiteral("bun"), QStringLiteral("cpython"), QStringLiteral("pypy")})
            QVERIFY2(header.contains(m_names.value(kind)), qPrintable(m_names.value(kind) + QStringLiteral(" not in ") + header));
        QVERIFY(text.out.contains(QStringLiteral("Runtimes against their baselines")));
        const QRegularExpression pypyRow(QStringLiteral("nbody\\s+%1 / %2\\s+0\\.\\d+ \\[")
                                             .arg(QRegularExpression::escape(m_names.value(QStringLiteral("pypy"))),
                                                  QRegularExpression::escape(m_names.value(QStringLiteral("cpython")))));
        QVERIFY2(pypyRow.match(text.out).hasMatch(), qPrintable(text.out.right(3000)));
    }

    void anotherBaselineIsChosenByNameAndAnUnknownOneIsRefused()
    {
        const CommandRun show = showdown({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--db"), m_db, QStringLiteral("--json"),
                                          QStringLiteral("--baseline"), m_names.value(QStringLiteral("pypy"))});
        QVERIFY2(show.code == 0, qPrintable(show.err));
        const QJsonObject set = jsonOf(show);
        QCOMPARE(set.value(QLatin1String("baselines")).toObject().value(QLatin1String("python")).toString(), m_names.value(QStringLiteral("pypy")));
        for (const QJsonValue &value : set.value(QLatin1String("runtime_comparisons")).toArray()) {
            const QJsonObject c = value.toObject();
            if (c.value(QLatin1String("family")).toString() == QLatin1String("python"))
                QCOMPARE(c.value(QLatin1String("baseline")).toString(), m_names.value(QStringLiteral("pypy")));
        }
        const CommandRun claims = showdown({QStringLiteral("claims"), QStringLiteral("1"), QStringLiteral("--db"), m_db, QStringLiteral("--json"),
                                            QStringLiteral("--baseline"), m_names.value(QStringLiteral("pypy"))});
        QVERIFY2(claims.code == 0, qPrintable(claims.err));
        QCOMPARE(jsonOf(claims).value(QLatin1String("pairings")).toArray().first().toObject().value(QLatin1String("python")).toString(),
                 m_names.value(QStringLiteral("pypy")));

        const CommandRun unknown = showdown({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--db"), m_db,
                                             QStringLiteral("--baseline"), QStringLiteral("graalpy")});
        QCOMPARE(unknown.code, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("\"graalpy\" is not a runtime of this result set")) && unknown.err.contains(m_names.value(QStringLiteral("pypy"))),
                 qPrintable(unknown.err));
        const CommandRun twice = showdown({QStringLiteral("claims"), QStringLiteral("1"), QStringLiteral("--db"), m_db,
                                           QStringLiteral("--baseline"), m_names.value(QStringLiteral("pypy")), QStringLiteral("--baseline"), m_names.value(QStringLiteral("cpython"))});
        QCOMPARE(twice.code, 2);
        const CommandRun elsewhere = showdown({QStringLiteral("list"), QStringLiteral("--db"), m_db, QStringLiteral("--baseline"), QStringLiteral("node")});
        QCOMPARE(elsewhere.code, 2);
        QVERIFY2(elsewhere.err.contains(QStringLiteral("--baseline is for show and claims: list has no comparisons to base")), qPrintable(elsewhere.err));
        QVERIFY2(twice.err.contains(QStringLiteral("two baselines for python runtimes")), qPrintable(twice.err));
    }
};

QTEST_GUILESS_MAIN(RuntimeMatrixTest)
#include "RuntimeMatrixTest.moc"
