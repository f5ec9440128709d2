// The command line end to end: the real showdown binary, real node and python children, a real SQLite file.

#include "ProcessScan.h"
#include "ResourceLocator.h"
#include "ResultSetAnalysis.h"
#include "RunEvent.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using showdown::tests::processesMentioning;

namespace {

struct Outcome {
    int exitCode = -1;
    QByteArray out;
    QString err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

QString showdownBinary()
{
    return showdown::ResourceLocator::executableDir() + QStringLiteral("/showdown");
}

Outcome run(const QStringList &arguments, int timeoutMs = 240000)
{
    QProcess process;
    process.start(showdownBinary(), arguments);
    process.waitForFinished(timeoutMs);
    return Outcome{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                   QString::fromUtf8(process.readAllStandardError())};
}

QByteArray digest(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QJsonObject listedSet(const QString &db, qint64 id)
{
    const Outcome list = run({QStringLiteral("list"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    for (const QJsonValue &set : list.json().value(QLatin1String("result_sets")).toArray()) {
        if (set.toObject().value(QLatin1String("id")).toInteger() == id)
            return set.toObject();
    }
    return {};
}

/// The analysis version stored with a result set, read straight from the file; -1 when none is stored.
int storedAnalysisVersion(const QString &db, qint64 id)
{
    int version = -1;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(db);
        QSqlQuery query(raw);
        if (raw.open() && query.exec(QStringLiteral("SELECT analysis_version FROM analyses WHERE result_set_id = %1").arg(id)) && query.next())
            version = query.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return version;
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFileInfo(showdownBinary()).isExecutable(), qPrintable(showdownBinary())); }

    void versionAndHelp()
    {
        const Outcome version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("showdown "));
        const Outcome help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("show ID"));
        QVERIFY(help.out.contains("showdown FILE") && help.out.contains("showdown --db FILE"));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown verb") << QStringList{"frobnicate"} << "unknown verb \"frobnicate\"";
        QTest::newRow("no verb") << QStringList{"--json"} << "no verb given";
        // A word that is neither a verb nor a file stays an unknown verb, and the answer lists every verb.
        QTest::newRow("bogus verb") << QStringList{"bogusverb"} << "unknown verb \"bogusverb\"; one of: runtimes, benchmarks, run, list, show, export";
        // `showdown FILE` and `showdown --db FILE` say what is wrong with the file, and open no window.
        QTest::newRow("missing file") << QStringList{"nonexistent.showdown"} << "nonexistent.showdown: no such file";
        QTest::newRow("missing database") << QStringList{"--db", "/nonexistent-dir/x.sqlite"} << "/nonexistent-dir/x.sqlite: no such database";
        QTest::newRow("new database nowhere") << QStringList{"--db=/nonexistent-dir/x.sqlite", "--new"} << "its folder /nonexistent-dir does not exist";
        QTest::newRow("bad runs") << QStringList{"run", "--runs", "zero"} << "--runs needs a whole number";
        QTest::newRow("bad id") << QStringList{"show", "abc"} << "\"abc\" is not a result set ID";
        QTest::newRow("unknown option") << QStringList{"list", "--colour"} << "Unknown option 'colour'";
        QTest::newRow("unknown benchmark") << QStringList{"run", "--only", "nope", "--db", "/nonexistent-dir/x.sqlite"} << "unknown benchmark \"nope\"";
        QTest::newRow("unknown suite") << QStringList{"run", "--suite", "huge", "--db", "/nonexistent-dir/x.sqlite"} << "unknown suite \"huge\"";
        QTest::newRow("events and json") << QStringList{"run", "--events", "--json"} << "--events and --json both write to stdout";
        QTest::newRow("bad timeout") << QStringList{"run", "--timeout", "0"} << "--timeout needs a whole number of seconds";
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Outcome outcome = run(arguments);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
        QVERIFY(outcome.out.isEmpty());
    }

    void aFileWithoutADisplaySaysSoAndRunsNothing()
    {
        // No display at all (over SSH): `showdown FILE` names the verbs that read the file instead, and never
        // falls back to running the quick suite as a bare `showdown` does there.
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("display.sqlite"));
        QVERIFY(run({QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("startup"), QStringLiteral("--runs"), QStringLiteral("1"),
                     QStringLiteral("--db"), db}).exitCode == 0);
        const QString file = dir.filePath(QStringLiteral("display.showdown"));
        QVERIFY(run({QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--db"), db, QStringLiteral("--showdown"), file}).exitCode == 0);
        const QByteArray before = digest(file);
        const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *variable : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(variable));
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(dir.path());
        process.start(showdownBinary(), {file});
        QVERIFY(process.waitForFinished(30000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(err.contains(QLatin1String("no display")) && err.contains(QStringLiteral("showdown list --db %1").arg(file)), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("quick suite")), qPrintable(err));
        QVERIFY(process.readAllStandardOutput().isEmpty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);
        QCOMPARE(digest(file), before);
    }

    void eventsDescribeTheRunAsJsonLines()
    {
        // The window's view of a run: one JSON line per event, parsed by the same type the window uses.
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("events.sqlite"));
        const Outcome outcome = run({QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("startup,fib"), QStringLiteral("--runs"),
                                     QStringLiteral("2"), QStringLiteral("--events"), QStringLiteral("--runtime"), QStringLiteral("/usr/bin/python3"),
                                     QStringLiteral("--db"), db});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QList<showdown::RunEvent> events;
        for (const QByteArray &line : outcome.out.split('\n')) {
            if (line.isEmpty())
                continue;
            QString error;
            const std::optional<showdown::RunEvent> event = showdown::RunEvent::fromLine(line, &error);
            QVERIFY2(event, qPrintable(error));
            events.append(*event);
        }
        QVERIFY(events.size() >= 3);
        QCOMPARE(events.first().kind, showdown::RunEvent::Kind::Started);
        const int total = events.first().total;
        QCOMPARE(total, 8);  // two benchmarks x two runtimes x two processes
        QCOMPARE(events.first().next, QStringLiteral("startup on python3"));  // the named runtime first, then the default node
        QCOMPARE(events.last().kind, showdown::RunEvent::Kind::Finished);
        QCOMPARE(events.last().status, QStringLiteral("complete"));
        QCOMPARE(events.last().resultSetId, events.first().resultSetId);
        QList<int> done;
        QList<bool> ended;
        for (const showdown::RunEvent &event : events) {
            if (event.kind == showdown::RunEvent::Kind::Progressed) {
                done.append(event.done);
                ended.append(event.benchmarkEnded);
                QVERIFY(event.valid);
            }
        }
        QCOMPARE(done, (QList<int>{1, 2, 3, 4, 5, 6, 7, 8}));
        // A benchmark ends after its fourth process (startup), and the run after the eighth (fib).
        QCOMPARE(ended, (QList<bool>{false, false, false, true, false, false, false, true}));
        // A path to a detected interpreter keeps its detected name, as a name would.
        const QJsonObject shown = QJsonDocument::fromJson(run({QStringLiteral("show"), QString::number(events.first().resultSetId),
                                                               QStringLiteral("--db"), db, QStringLiteral("--json")})
                                                              .out)
                                      .object();
        QStringList runtimes;
        for (const QJsonValue &runtime : shown.value(QLatin1String("result_set")).toObject().value(QLatin1String("runtimes")).toArray())
            runtimes.append(runtime.toObject().value(QLatin1String("name")).toString());
        QVERIFY2(runtimes.contains(QStringLiteral("python3")), qPrintable(runtimes.join(QLatin1Char(','))));

        // A per-process time limit from the command line (the window's Run dialog offers the same).
        const Outcome limited = run({QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("nbody"), QStringLiteral("--runs"),
                                     QStringLiteral("1"), QStringLiteral("--suite"), QStringLiteral("standard"), QStringLiteral("--timeout"),
                                     QStringLiteral("1"), QStringLiteral("--events"), QStringLiteral("--db"), db});
        QCOMPARE(limited.exitCode, 1);
        QVERIFY2(limited.out.contains("timed out after 1 s"), limited.out.constData());
    }

    void runtimesAndBenchmarks()
    {
        const Outcome runtimes = run({QStringLiteral("runtimes"), QStringLiteral("--json")});
        QCOMPARE(runtimes.exitCode, 0);
        QMap<QString, QJsonObject> byName;
        for (const QJsonValue &value : runtimes.json().value(QLatin1String("runtimes")).toArray())
            byName.insert(value.toObject().value(QLatin1String("name")).toString(), value.toObject());
        QVERIFY(byName.value(QStringLiteral("node")).value(QLatin1String("available")).toBool());
        QVERIFY(byName.value(QStringLiteral("node")).value(QLatin1String("version")).toString().startsWith(QLatin1Char('v')));
        const QJsonObject python = byName.value(QStringLiteral("python3"));
        QCOMPARE(python.value(QLatin1String("path")).toString(), QStringLiteral("/usr/bin/python3"));
        QVERIFY(python.value(QLatin1String("version")).toString().startsWith(QLatin1String("3.")));
        QVERIFY(python.value(QLatin1String("gil_enabled")).isBool());
        QVERIFY(byName.contains(QStringLiteral("pypy3")));  // listed even when missing, with how to install it
        if (!byName.value(QStringLiteral("pypy3")).value(QLatin1String("available")).toBool())
            QVERIFY(byName.value(QStringLiteral("pypy3")).value(QLatin1String("problem")).toString().contains(QLatin1String("apt-get install pypy3")));

        const Outcome benchmarks = run({QStringLiteral("benchmarks"), QStringLiteral("--json")});
        QCOMPARE(benchmarks.exitCode, 0);
        QStringList names;
        for (const QJsonValue &value : benchmarks.json().value(QLatin1String("benchmarks")).toArray()) {
            names.append(value.toObject().value(QLatin1String("name")).toString());
            QVERIFY(!value.toObject().value(QLatin1String("claims")).toArray().isEmpty());
        }
        for (const char *required : {"startup", "nbody", "fannkuch", "json-roundtrip", "binary-trees", "matmul", "parallel-cpu",
                                     "fanout-sleeps", "http", "cluster", "idle-memory", "chat"})
            QVERIFY2(names.contains(QLatin1String(required)), required);
        const QSet<QString> categories{"cpu", "library", "startup", "memory", "scaling", "io", "realtime"};
        for (const QJsonValue &value : benchmarks.json().value(QLatin1String("benchmarks")).toArray()) {
            const QJsonObject benchmark = value.toObject();
            QVERIFY2(categories.contains(benchmark.value(QLatin1String("category")).toString()), qPrintable(benchmark.value(QLatin1String("name")).toString()));
            // Every program pair says what dominates its time and how its two programs differ.
            if (benchmark.value(QLatin1String("measure")).toString() == QLatin1String("iterations")) {
                QVERIFY2(QStringList({"code", "library", "startup", "io"}).contains(benchmark.value(QLatin1String("bound")).toString()),
                         qPrintable(benchmark.value(QLatin1String("name")).toString()));
                QVERIFY(!benchmark.value(QLatin1String("notes")).toString().isEmpty());
            }
            QVERIFY(benchmark.value(QLatin1String("available")).isBool());
            QVERIFY(benchmark.value(QLatin1String("reason")).isString());
            // Unavailable means a reason a user can act on.
            if (!benchmark.value(QLatin1String("available")).toBool())
                QVERIFY(!benchmark.value(QLatin1String("reason")).toString().isEmpty());
        }
    }

    void serverScalingAndVariantRowsInShow()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("servers.sqlite"));
        const Outcome ran = run({QStringLiteral("run"), QStringLiteral("--suite"), QStringLiteral("quick"), QStringLiteral("--only"),
                                 QStringLiteral("http,chat,idle-memory,parallel-cpu,matmul"), QStringLiteral("--runs"), QStringLiteral("1"),
                                 QStringLiteral("--db"), db, QStringLiteral("--json")},
                                600000);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        const qint64 id = ran.json().value(QLatin1String("result_set")).toInteger();
        // The run stored its analysis with the set once it ended, so readers need not recompute it.
        QCOMPARE(storedAnalysisVersion(db, id), showdown::ResultSetAnalysis::kVersion);

        const Outcome shown = run({QStringLiteral("show"), QString::number(id), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject show = shown.json();

        QSet<QString> kinds, servers;
        for (const QJsonValue &value : show.value(QLatin1String("load_rows")).toArray()) {
            const QJsonObject row = value.toObject();
            const QString kind = row.value(QLatin1String("kind")).toString();
            kinds.insert(kind);
            servers.insert(row.value(QLatin1String("server")).toString());
            QVERIFY2(row.value(QLatin1String("valid")).toBool(), qPrintable(row.value(QLatin1String("error")).toString()));
            if (kind == QLatin1String("idle")) {
                QVERIFY(row.value(QLatin1String("server_pss_kb")).toInteger() > 1000);
                continue;
            }
            QVERIFY(row.value(QLatin1String("requests_per_sec")).toDouble() > 0);
            const QJsonObject latency = row.value(QLatin1String("latency_ns")).toObject();
            qint64 previous = 0;
            for (const char *key : {"p50", "p90", "p99", "p999", "max"}) {
                const qint64 value = latency.value(QLatin1String(key)).toInteger();
                QVERIFY2(value >= previous && value > 0, key);  // percentiles rise
                previous = value;
            }
            QCOMPARE(row.value(QLatin1String("errors")).toInteger(), 0);
            QVERIFY(row.value(QLatin1String("server_cpu_cores")).toDouble() > 0);
        }
        QCOMPARE(kinds, (QSet<QString>{"http", "idle", "chat"}));
        for (const char *server : {"node-http", "asyncio", "threading", "chat-ws", "chat-websockets"})
            QVERIFY2(servers.contains(QLatin1String(server)), server);

        // Worker counts give speed-ups against one worker, for every parallel variant.
        QSet<QString> scaled;
        for (const QJsonValue &value : show.value(QLatin1String("scaling")).toArray()) {
            const QJsonObject row = value.toObject();
            if (row.value(QLatin1String("workers")).toInt() == 2) {
                scaled.insert(row.value(QLatin1String("variant")).toString());
                QVERIFY(row.value(QLatin1String("speedup")).toDouble() > 0);
            }
        }
        QCOMPARE(scaled, (QSet<QString>{"threads", "processes", "worker_threads"}));
        // The numeric variants all ran and agree on the checksum (else they would be invalid).
        QSet<QString> variants;
        for (const QJsonValue &value : show.value(QLatin1String("rows")).toArray()) {
            const QJsonObject row = value.toObject();
            QVERIFY2(row.value(QLatin1String("valid")).toBool(), qPrintable(row.value(QLatin1String("error")).toString()));
            if (row.value(QLatin1String("benchmark")).toString() == QLatin1String("matmul"))
                variants.insert(row.value(QLatin1String("variant")).toString());
        }
        QCOMPARE(variants, (QSet<QString>{"float64array", "numpy", "pure"}));
    }

    void runListShow()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        const Outcome ran = run({QStringLiteral("run"), QStringLiteral("--suite"), QStringLiteral("quick"), QStringLiteral("--only"),
                                 QStringLiteral("startup,nbody"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        const qint64 id = ran.json().value(QLatin1String("result_set")).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(ran.json().value(QLatin1String("status")).toString(), QStringLiteral("complete"));

        const QJsonObject listed = listedSet(db, id);
        QCOMPARE(listed.value(QLatin1String("suite")).toString(), QStringLiteral("quick"));
        QCOMPARE(listed.value(QLatin1String("status")).toString(), QStringLiteral("complete"));
        QVERIFY(listed.value(QLatin1String("samples")).toInteger() > 0);
        QCOMPARE(listed.value(QLatin1String("uuid")).toString().size(), 36);
        QVERIFY(!listed.value(QLatin1String("created")).toString().isEmpty());

        // The run stored its analysis with the set once it ended, so readers need not recompute it.
        QCOMPARE(storedAnalysisVersion(db, id), showdown::ResultSetAnalysis::kVersion);

        const Outcome shown = run({QStringLiteral("show"), QString::number(id), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject show = shown.json();
        const QJsonObject environment = show.value(QLatin1String("result_set")).toObject().value(QLatin1String("environment")).toObject();
        for (const char *key : {"cpu_model", "cores", "memory_kb", "kernel", "os", "governor", "load_average"})
            QVERIFY2(environment.contains(QLatin1String(key)), key);
        QVERIFY(environment.value(QLatin1String("memory_kb")).toInteger() > 0);  // MemTotal is always in /proc/meminfo
        // Every child ran with BLAS threads pinned, and the set says so.
        const QJsonObject childEnvironment = show.value(QLatin1String("result_set")).toObject().value(QLatin1String("parameters")).toObject()
                                                 .value(QLatin1String("child_environment")).toObject();
        for (const char *key : {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"})
            QCOMPARE(childEnvironment.value(QLatin1String(key)).toString(), QStringLiteral("1"));
        const QJsonArray rows = show.value(QLatin1String("rows")).toArray();
        QCOMPARE(rows.size(), 4);
        QSet<QString> seen;
        for (const QJsonValue &value : rows) {
            const QJsonObject row = value.toObject();
            seen.insert(row.value(QLatin1String("benchmark")).toString() + QLatin1Char(':') + row.value(QLatin1String("runtime")).toString());
            QVERIFY2(row.value(QLatin1String("valid")).toBool(), qPrintable(row.value(QLatin1String("error")).toString()));
            QVERIFY(row.value(QLatin1String("n")).toInt() >= 3);
            const double median = row.value(QLatin1String("median_ns")).toDouble();
            QVERIFY(median > 0);
            QVERIFY(row.value(QLatin1String("min_ns")).toDouble() <= median && median <= row.value(QLatin1String("max_ns")).toDouble());
            for (const char *key : {"variant", "mean_ns", "sd_ns", "cv", "peak_rss_kb", "error"})
                QVERIFY2(row.contains(QLatin1String(key)), key);
            QVERIFY(row.value(QLatin1String("peak_rss_kb")).toInteger() > 1000);
        }
        QCOMPARE(seen, (QSet<QString>{"startup:node", "startup:python3", "nbody:node", "nbody:python3"}));
        const QJsonArray comparisons = show.value(QLatin1String("comparisons")).toArray();
        QCOMPARE(comparisons.size(), 2);
        for (const QJsonValue &value : comparisons) {
            const QJsonObject c = value.toObject();
            QCOMPARE(c.value(QLatin1String("node_runtime")).toString(), QStringLiteral("node"));
            QCOMPARE(c.value(QLatin1String("python_runtime")).toString(), QStringLiteral("python3"));
            const double ratio = c.value(QLatin1String("ratio")).toDouble();
            QVERIFY(ratio > 0);
            QVERIFY(c.value(QLatin1String("ci_low")).toDouble() <= ratio && ratio <= c.value(QLatin1String("ci_high")).toDouble());
            const double p = c.value(QLatin1String("p_value")).toDouble();
            QVERIFY(p > 0 && p <= 1);
        }

        const Outcome missing = run({QStringLiteral("show"), QString::number(id + 7), QStringLiteral("--db"), db});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no result set %1").arg(id + 7)), qPrintable(missing.err));
    }

    void missingInterpreterChangesNothing()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        const Outcome ran = run({QStringLiteral("run"), QStringLiteral("--runtime"), QStringLiteral("/nonexistent/bin/python3"),
                                 QStringLiteral("--db"), db});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains(QLatin1String("/nonexistent/bin/python3 does not exist")), qPrintable(ran.err));
        QCOMPARE(ran.err.count(QLatin1Char('\n')), 1);  // one clear line
        QVERIFY(!QFile::exists(db));
    }

    void interpreterPathWithSpaces()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("my 'python' dir"));
        QVERIFY(QDir().mkpath(folder));
        const QString interpreter = folder + QStringLiteral("/python3 \"debian\"");
        QVERIFY(QFile::link(QStringLiteral("/usr/bin/python3"), interpreter));
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        const Outcome ran = run({QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("startup"), QStringLiteral("--runs"),
                                 QStringLiteral("2"), QStringLiteral("--runtime"), interpreter, QStringLiteral("--db"), db,
                                 QStringLiteral("--json")});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        const Outcome shown = run({QStringLiteral("show"), QString::number(ran.json().value(QLatin1String("result_set")).toInteger()),
                                   QStringLiteral("--db"), db, QStringLiteral("--json")});
        const QJsonArray runtimes = shown.json().value(QLatin1String("result_set")).toObject().value(QLatin1String("runtimes")).toArray();
        QStringList paths;
        for (const QJsonValue &runtime : runtimes)
            paths.append(runtime.toObject().value(QLatin1String("path")).toString());
        QVERIFY2(paths.contains(interpreter), qPrintable(paths.join(QLatin1Char('|'))));
    }

    void killedRunIsInterruptedWithSamplesIntact()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        const Outcome first = run({QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("startup"), QStringLiteral("--runs"),
                                   QStringLiteral("2"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(first.exitCode, 0);
        const qint64 firstId = first.json().value(QLatin1String("result_set")).toInteger();
        const qint64 firstSamples = listedSet(db, firstId).value(QLatin1String("samples")).toInteger();

        QProcess victim;
        victim.start(showdownBinary(), {QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("nbody"), QStringLiteral("--runs"),
                                  QStringLiteral("500"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY(victim.waitForStarted());
        qint64 samples = 0;
        for (int attempt = 0; attempt < 300 && samples < 6; ++attempt) {
            QTest::qWait(100);
            samples = listedSet(db, firstId + 1).value(QLatin1String("samples")).toInteger();
        }
        QVERIFY2(samples >= 6, "the run stored nothing before it was killed");
        ::kill(pid_t(victim.processId()), SIGKILL);
        QVERIFY(victim.waitForFinished());

        const QString script = QStringLiteral("benchmarks/python/nbody.py");
        const QString nodeScript = QStringLiteral("benchmarks/node/nbody.js");
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(script).isEmpty() && processesMentioning(nodeScript).isEmpty(), 5000);

        const QJsonObject killed = listedSet(db, firstId + 1);
        QCOMPARE(killed.value(QLatin1String("status")).toString(), QStringLiteral("interrupted"));
        QVERIFY(killed.value(QLatin1String("samples")).toInteger() >= samples);
        const QJsonObject untouched = listedSet(db, firstId);
        QCOMPARE(untouched.value(QLatin1String("status")).toString(), QStringLiteral("complete"));
        QCOMPARE(untouched.value(QLatin1String("samples")).toInteger(), firstSamples);
    }

    void ctrlCStopsCleanly()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        QProcess victim;
        victim.start(showdownBinary(), {QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("fib"), QStringLiteral("--runs"),
                                  QStringLiteral("500"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY(victim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(listedSet(db, 1).value(QLatin1String("samples")).toInteger() >= 2, 30000);
        ::kill(pid_t(victim.processId()), SIGINT);
        QVERIFY(victim.waitForFinished(10000));
        QCOMPARE(victim.exitCode(), 1);
        QCOMPARE(QJsonDocument::fromJson(victim.readAllStandardOutput()).object().value(QLatin1String("status")).toString(),
                 QStringLiteral("interrupted"));
        QCOMPARE(listedSet(db, 1).value(QLatin1String("status")).toString(), QStringLiteral("interrupted"));
        QVERIFY(processesMentioning(QStringLiteral("benchmarks/python/fib.py")).isEmpty());
    }

    void corruptDatabaseIsRefusedAndUntouched()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("not-a-database.sqlite"));
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is a shopping list, not a database\n");
        file.close();
        const QByteArray before = digest(db);
        for (const QStringList &arguments : {QStringList{"list", "--db", db}, QStringList{"show", "1", "--db", db},
                                             QStringList{"run", "--only", "startup", "--runs", "1", "--db", db}}) {
            const Outcome outcome = run(arguments);
            QCOMPARE(outcome.exitCode, 1);
            QVERIFY2(outcome.err.contains(QLatin1String("is not a Showdown database")), qPrintable(outcome.err));
        }
        QCOMPARE(digest(db), before);
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "CliTest.moc"
