// Runtimes as a type and their discovery, with the real interpreters of this machine: the kind registry reads
// real version lines, discovery finds version-manager layouts made in a temporary home (links to the real
// node and python3, wrappers, a broken interpreter), and `showdown runtimes --json` carries the fields.

#include "ProcessRunner.h"
#include "ResourceLocator.h"
#include "RuntimeDetector.h"
#include "RuntimeDiscovery.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace showdown;

namespace {

QString versionOutput(const QString &program)
{
    QProcess process;
    process.start(program, {QStringLiteral("--version")});
    if (!process.waitForFinished(20000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

/// Runs `code` with `program` and returns what it printed, trimmed: the truth the probes are checked against.
QString ask(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(20000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

bool makeLink(const QString &target, const QString &link)
{
    return QDir().mkpath(QFileInfo(link).absolutePath()) && QFile::link(target, link);
}

/// A script at `path` that runs `body` (a distinct file, so not deduplicated with what it runs).
bool makeScript(const QString &path, const QByteArray &body)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("#!/bin/sh\n" + body + "\n");
    file.close();
    return file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
}

QMap<QString, RuntimeInfo> byName(const QList<RuntimeInfo> &runtimes)
{
    QMap<QString, RuntimeInfo> map;
    for (const RuntimeInfo &runtime : runtimes)
        map.insert(runtime.name, runtime);
    return map;
}

QString nodeModules()
{
    return ResourceLocator::benchmarksDir() + QStringLiteral("/node/node_modules");
}

} // namespace

class RuntimeDetectorTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/node")).isExecutable(), "the tests need /usr/bin/node");
        QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/python3")).isExecutable(), "the tests need /usr/bin/python3");
        QVERIFY2(QFileInfo(ResourceLocator::execHelper()).isExecutable(), qPrintable(ResourceLocator::execHelper()));
    }

    void kindsAreParsedOnceAndUnknownOnesRefused()
    {
        QCOMPARE(RuntimeKind::names(), (QStringList{"node", "bun", "deno", "cpython", "pypy"}));
        for (const RuntimeKind &kind : RuntimeKind::all()) {
            QCOMPARE(RuntimeKind::parse(kind.name()), kind);
            QVERIFY(kind.colour().startsWith(QLatin1Char('#')));
            QCOMPARE(RuntimeKind::familyWord(kind.family()), kind.family() == RuntimeFamily::JavaScript ? QStringLiteral("node") : QStringLiteral("python"));
        }
        QVERIFY(!RuntimeKind::parse(QStringLiteral("python")));  // a family word, not a kind
        QVERIFY(!RuntimeKind::parse(QStringLiteral("ruby")));
        QCOMPARE(RuntimeKind::parseFamily(QStringLiteral("javascript")), RuntimeFamily::JavaScript);
        QVERIFY(!RuntimeKind::parseFamily(QStringLiteral("node")));
        QCOMPARE(RuntimeKind(RuntimeKind::Deno).launchArguments(QStringLiteral("/b/nbody.js")), (QStringList{"run", "-A", "/b/nbody.js"}));
        QCOMPARE(RuntimeKind(RuntimeKind::Bun).launchArguments(QStringLiteral("/b/nbody.js")), (QStringList{"--no-install", "/b/nbody.js"}));
        QCOMPARE(RuntimeKind(RuntimeKind::Node).launchArguments(QStringLiteral("/b/nbody.js")), (QStringList{"/b/nbody.js"}));
        QCOMPARE(RuntimeKind(RuntimeKind::PyPy).installSource().registry, RuntimeInstallSource::Apt);
        QCOMPARE(RuntimeKind(RuntimeKind::Bun).installSource().package, QStringLiteral("@oven/bun-linux-x64"));
    }

    void versionLinesOfRealRuntimes()
    {
        const QString node = versionOutput(QStringLiteral("/usr/bin/node"));
        QCOMPARE(RuntimeKind::fromVersionOutput(node), RuntimeKind(RuntimeKind::Node));
        QCOMPARE(RuntimeKind(RuntimeKind::Node).versionFromOutput(node), ask(QStringLiteral("/usr/bin/node"), {"-p", "process.version"}));

        const QString python = versionOutput(QStringLiteral("/usr/bin/python3"));
        QCOMPARE(RuntimeKind::fromVersionOutput(python), RuntimeKind(RuntimeKind::CPython));
        QCOMPARE(RuntimeKind(RuntimeKind::CPython).versionFromOutput(python),
                 ask(QStringLiteral("/usr/bin/python3"), {"-c", "import platform; print(platform.python_version())"}));
        QVERIFY(RuntimeKind(RuntimeKind::PyPy).versionFromOutput(python).isEmpty());
        QVERIFY(RuntimeKind(RuntimeKind::Bun).versionFromOutput(node).isEmpty());

        // The other kinds' formats as their --version prints them (Bun a bare version, Deno its name first).
        QCOMPARE(RuntimeKind::fromVersionOutput(QStringLiteral("1.4.5\n")), RuntimeKind(RuntimeKind::Bun));
        QCOMPARE(RuntimeKind(RuntimeKind::Deno).versionFromOutput(QStringLiteral("deno 2.9.6 (stable, release, x86_64-unknown-linux-gnu)\nv8 14.0\ntypescript 5.9\n")),
                 QStringLiteral("2.9.6"));
        QVERIFY(!RuntimeKind::fromVersionOutput(QStringLiteral("ruby 3.1.2p20")));

        const QString pypy = QStandardPaths::findExecutable(QStringLiteral("pypy3"));
        if (pypy.isEmpty())
            QSKIP("pypy3 is not installed (packaging/bootstrap.sh installs it for the tests)");
        const QString pypyOutput = versionOutput(pypy);
        QCOMPARE(RuntimeKind::fromVersionOutput(pypyOutput), RuntimeKind(RuntimeKind::PyPy));
        QCOMPARE(RuntimeKind(RuntimeKind::PyPy).versionFromOutput(pypyOutput),
                 ask(pypy, {"-c", "import platform; print(platform.python_version())"}));
    }

    void probesOfRealRuntimes()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        RuntimeDetector detector(runner, nodeModules());
        const RuntimeInfo python = detector.probe(QStringLiteral("/usr/bin/python3"));
        QVERIFY2(python.available, qPrintable(python.problem));
        QCOMPARE(python.runtimeKind, RuntimeKind(RuntimeKind::CPython));
        QCOMPARE(python.family, RuntimeFamily::Python);
        QCOMPARE(python.kind, QStringLiteral("python"));  // the family word the analysis compares
        QCOMPARE(python.gilEnabled, std::optional<bool>(ask(QStringLiteral("/usr/bin/python3"),
                                                             {"-c", "import sys; print(getattr(sys, '_is_gil_enabled', lambda: True)())"})
                                                          == QLatin1String("True")));
        QCOMPARE(python.freeThreaded, ask(QStringLiteral("/usr/bin/python3"), {"-c", "import sysconfig; print(bool(sysconfig.get_config_var('Py_GIL_DISABLED')))"})
                                          == QLatin1String("True"));
        const RuntimeInfo node = detector.probe(QStringLiteral("/usr/bin/node"));
        QVERIFY2(node.available, qPrintable(node.problem));
        QCOMPARE(node.runtimeKind, RuntimeKind(RuntimeKind::Node));
        QCOMPARE(node.kind, QStringLiteral("node"));
        QCOMPARE(node.version, ask(QStringLiteral("/usr/bin/node"), {"-p", "process.version"}));
        QVERIFY(!node.gilEnabled);

        // Stored as JSON and read back (as the store and imported files do), kind and family survive; an
        // object written before kinds existed ("kind": "python") reads as its implementation's kind.
        const RuntimeInfo again = RuntimeInfo::fromJson(python.toJson());
        QCOMPARE(again.runtimeKind, python.runtimeKind);
        QCOMPARE(again.kind, QStringLiteral("python"));
        QJsonObject legacy = python.toJson();
        legacy.remove(QStringLiteral("family"));
        legacy.insert(QStringLiteral("kind"), QStringLiteral("python"));
        legacy.insert(QStringLiteral("implementation"), QStringLiteral("pypy"));
        QString error;
        const std::optional<RuntimeInfo> old = RuntimeInfo::parseJson(legacy, &error);
        QVERIFY2(old, qPrintable(error));
        QCOMPARE(old->runtimeKind, RuntimeKind(RuntimeKind::PyPy));
        legacy.insert(QStringLiteral("kind"), QStringLiteral("ruby"));
        QVERIFY(!RuntimeInfo::parseJson(legacy, &error));
        QVERIFY2(error.contains(QLatin1String("ruby")) && error.contains(QLatin1String("cpython")), qPrintable(error));
        QJsonObject mismatched = python.toJson();
        mismatched.insert(QStringLiteral("family"), QStringLiteral("javascript"));
        QVERIFY(!RuntimeInfo::parseJson(mismatched, &error));

        const QString pypy = QStandardPaths::findExecutable(QStringLiteral("pypy3"));
        if (pypy.isEmpty())
            QSKIP("pypy3 is not installed (packaging/bootstrap.sh installs it for the tests)");
        const RuntimeInfo pypyInfo = detector.probe(pypy);
        QVERIFY2(pypyInfo.available, qPrintable(pypyInfo.problem));
        QCOMPARE(pypyInfo.runtimeKind, RuntimeKind(RuntimeKind::PyPy));
        QCOMPARE(pypyInfo.implementation, QStringLiteral("pypy"));
        QCOMPARE(pypyInfo.version, ask(pypy, {"-c", "import platform; print(platform.python_version())"}));
        // Debian's PyPy sees CPython's dist-packages: numpy is listed only if PyPy can load it.
        const bool numpyLoads = ask(pypy, {"-c", "import numpy; print('yes')"}) == QLatin1String("yes");
        QCOMPARE(pypyInfo.libraries.contains(QStringLiteral("numpy")), numpyLoads);
    }

    void bunAndDenoWhereInstalled()
    {
        // Bun claims Node's process.version: its kind and version must be its own.
        ProcessRunner runner(ResourceLocator::execHelper());
        RuntimeDetector detector(runner, nodeModules());
        int checked = 0;
        for (const auto &[file, kind, versionCode] : {std::tuple{QStringLiteral("bun"), RuntimeKind(RuntimeKind::Bun), QStringList{"-p", "process.versions.bun"}},
                                                      std::tuple{QStringLiteral("deno"), RuntimeKind(RuntimeKind::Deno), QStringList{"eval", "console.log(Deno.version.deno)"}}}) {
            const QString path = QStandardPaths::findExecutable(file);
            if (path.isEmpty())
                continue;
            const QString own = ask(path, versionCode);
            QCOMPARE(RuntimeKind::fromVersionOutput(versionOutput(path)), kind);
            QCOMPARE(kind.versionFromOutput(versionOutput(path)), own);
            const RuntimeInfo runtime = detector.probe(path);
            QVERIFY2(runtime.available, qPrintable(runtime.problem));
            QCOMPARE(runtime.runtimeKind, kind);
            QCOMPARE(runtime.family, RuntimeFamily::JavaScript);
            QCOMPARE(runtime.kind, QStringLiteral("node"));
            QCOMPARE(runtime.version, own);
            ++checked;
        }
        if (checked == 0)
            QSKIP("neither bun nor deno is on PATH");
    }

    void discoveryFindsVersionManagersAndDeduplicates()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString h = home.path();
        const QString node = ask(QStringLiteral("/usr/bin/node"), {"-p", "process.version"});  // v20.20.2
        const QString bare = node.mid(1);
        const QString python = ask(QStringLiteral("/usr/bin/python3"), {"-c", "import platform; print(platform.python_version())"});
        // nvm and fnm hold links to one file: one runtime, named after the first found.
        QVERIFY(makeLink(QStringLiteral("/usr/bin/node"), h + QStringLiteral("/.nvm/versions/node/") + node + QStringLiteral("/bin/node")));
        QVERIFY(makeLink(QStringLiteral("/usr/bin/node"), h + QStringLiteral("/.local/share/fnm/node-versions/") + node + QStringLiteral("/installation/bin/node")));
        // volta's is another file (a wrapper) of the same version: its name says where it is from.
        QVERIFY(makeScript(h + QStringLiteral("/.volta/tools/image/node/") + bare + QStringLiteral("/bin/node"), "exec /usr/bin/node \"$@\""));
        // asdf's is broken: it fails every start.
        QVERIFY(makeScript(h + QStringLiteral("/.asdf/installs/nodejs/") + bare + QStringLiteral("/bin/node"), "echo 'libnode.so: cannot open shared object' >&2; exit 1"));
        // A pyenv link to Debian's python3 is Debian's python3; uv's and conda's base are wrappers; a conda env links.
        QVERIFY(makeLink(QStringLiteral("/usr/bin/python3"), h + QStringLiteral("/.pyenv/versions/") + python + QStringLiteral("/bin/python3")));
        QVERIFY(makeScript(h + QStringLiteral("/.local/share/uv/python/cpython-") + python + QStringLiteral("-linux-x86_64-gnu/bin/python3"),
                           "exec /usr/bin/python3 \"$@\""));
        QVERIFY(makeScript(h + QStringLiteral("/miniconda3/bin/python"), "exec /usr/bin/python3 \"$@\""));
        QVERIFY(makeLink(QStringLiteral("/usr/bin/python3"), h + QStringLiteral("/miniconda3/envs/data/bin/python")));
        // A free-threaded build whose GIL follows PYTHON_GIL: Debian's python3 with its probe's answer rewritten
        // (no 3.13t build is installed here), so both runtimes of one interpreter are made and probed.
        QVERIFY(makeScript(h + QStringLiteral("/sys/python3.99t"),
                           "case \"$PYTHON_GIL\" in 1) g=true;; *) g=false;; esac\n"
                           "/usr/bin/python3 \"$@\" | sed \"s/\\\"gil\\\": true/\\\"gil\\\": $g/; s/\\\"free_threaded\\\": false/\\\"free_threaded\\\": true/\""));
        // What `showdown runtimes install` puts in the data folder.
        QVERIFY(makeScript(h + QStringLiteral("/data/runtimes/node-20/bin/node"), "exec /usr/bin/node \"$@\""));

        RuntimeSearchPlaces places;
        places.home = h;
        places.installedDir = h + QStringLiteral("/data/runtimes");
        places.systemDirs = {h + QStringLiteral("/sys")};  // only the fake layouts (and Debian's python3, the preferred Python)
        const QList<RuntimeCandidate> candidates = RuntimeDiscovery(places).candidates();
        QStringList names;
        for (const RuntimeCandidate &candidate : candidates)
            names.append(candidate.name);
        QStringList expected = {QStringLiteral("node"), QStringLiteral("python3"), QStringLiteral("python3.99t"), QStringLiteral("node-") + bare,
                                      QStringLiteral("node-") + bare + QStringLiteral("-volta"), QStringLiteral("node-") + bare + QStringLiteral("-asdf"),
                                      QStringLiteral("uv-cpython-") + python, QStringLiteral("conda-miniconda3"), QStringLiteral("node-20"),
                                      QStringLiteral("pypy3"), QStringLiteral("bun"), QStringLiteral("deno")};
        QCOMPARE(names, expected);

        ProcessRunner runner(ResourceLocator::execHelper());
        RuntimeDetector detector(runner, nodeModules(), places);
        QElapsedTimer timer;
        timer.start();
        const QMap<QString, RuntimeInfo> found = byName(detector.detectAll());
        qInfo("detected %lld runtimes in %lld ms", qlonglong(found.size()), qlonglong(timer.elapsed()));
        QStringList sorted = expected << QStringLiteral("python3.99t-gil");
        sorted.sort();
        QCOMPARE(QStringList(found.keys()), sorted);

        // With no PATH, node is missing and says so; bun and deno say how to add them.
        QVERIFY(!found.value(QStringLiteral("node")).available);
        QVERIFY(found.value(QStringLiteral("node")).probeError.isEmpty());
        QVERIFY(found.value(QStringLiteral("bun")).problem.contains(QLatin1String("showdown runtimes install")));
        QCOMPARE(found.value(QStringLiteral("bun")).runtimeKind, RuntimeKind(RuntimeKind::Bun));

        const RuntimeInfo nvm = found.value(QStringLiteral("node-") + bare);
        QVERIFY2(nvm.available, qPrintable(nvm.problem));
        QCOMPARE(nvm.version, node);
        QCOMPARE(nvm.path, h + QStringLiteral("/.nvm/versions/node/") + node + QStringLiteral("/bin/node"));
        QVERIFY(found.value(QStringLiteral("node-") + bare + QStringLiteral("-volta")).available);
        QVERIFY(found.value(QStringLiteral("node-20")).available);
        QCOMPARE(found.value(QStringLiteral("node-20")).family, RuntimeFamily::JavaScript);

        const RuntimeInfo broken = found.value(QStringLiteral("node-") + bare + QStringLiteral("-asdf"));
        QVERIFY(!broken.available);
        QVERIFY2(broken.probeError.contains(QLatin1String("cannot open shared object")), qPrintable(broken.probeError));
        QVERIFY2(broken.problem.contains(QLatin1String("broken")), qPrintable(broken.problem));
        QVERIFY(broken.toJson().value(QLatin1String("error")).toString().contains(QLatin1String("cannot open shared object")));

        const RuntimeInfo uv = found.value(QStringLiteral("uv-cpython-") + python);
        QVERIFY2(uv.available, qPrintable(uv.problem));
        QCOMPARE(uv.version, python);
        QCOMPARE(uv.runtimeKind, RuntimeKind(RuntimeKind::CPython));
        QVERIFY(uv.gilEnabled.has_value());
        QVERIFY(found.value(QStringLiteral("conda-miniconda3")).available);

        const RuntimeInfo withoutGil = found.value(QStringLiteral("python3.99t"));
        const RuntimeInfo withGil = found.value(QStringLiteral("python3.99t-gil"));
        QVERIFY2(withoutGil.available && withGil.available, qPrintable(withoutGil.problem + withGil.problem));
        QVERIFY(withoutGil.freeThreaded && withGil.freeThreaded);
        QCOMPARE(withoutGil.gilEnabled, std::optional<bool>(false));
        QCOMPARE(withGil.gilEnabled, std::optional<bool>(true));
        QCOMPARE(withoutGil.environment.value(QStringLiteral("PYTHON_GIL")), QStringLiteral("0"));
        QCOMPARE(withGil.environment.value(QStringLiteral("PYTHON_GIL")), QStringLiteral("1"));
        QCOMPARE(withGil.path, withoutGil.path);

        // Only the runtimes a run names are probed beside the defaults.
        const QMap<QString, RuntimeInfo> some = byName(detector.detectDefaults({QStringLiteral("node-20")}));
        QCOMPARE(QStringList(some.keys()), (QStringList{"node", "node-20", "pypy3", "python3"}));
    }

    void hungInterpretersAreStoppedInParallel()
    {
        // Four interpreters that never answer, each stopped at the probe's limit: probed side by side, detection
        // takes about one limit, not four, and each is reported as broken with why.
        QTemporaryDir home;
        for (int i = 0; i < 4; ++i)
            QVERIFY(makeScript(home.filePath(QStringLiteral(".pyenv/versions/3.%1.0/bin/python3").arg(90 + i)), "exec sleep 60"));
        RuntimeSearchPlaces places;
        places.home = home.path();
        places.systemDirs = {};
        ProcessRunner runner(ResourceLocator::execHelper());
        RuntimeDetector detector(runner, nodeModules(), places);
        detector.setProbeTimeout(std::chrono::milliseconds(1000));
        QElapsedTimer timer;
        timer.start();
        const QList<RuntimeInfo> found = detector.detectAll();
        const qint64 elapsed = timer.elapsed();
        int hung = 0;
        for (const RuntimeInfo &runtime : found) {
            if (!runtime.name.startsWith(QLatin1String("pyenv-3.9")))
                continue;
            QVERIFY(!runtime.available);
            QVERIFY2(runtime.probeError.contains(QLatin1String("timed out")), qPrintable(runtime.probeError));
            ++hung;
        }
        QCOMPARE(hung, 4);
        QVERIFY2(elapsed < 3500, qPrintable(QString::number(elapsed)));
    }

    void realPyenvVersions()
    {
        const QString root = QDir::homePath() + QStringLiteral("/.pyenv");
        if (!QFileInfo::exists(root + QStringLiteral("/versions")))
            QSKIP("no pyenv versions on this machine");
        RuntimeSearchPlaces places;
        places.home = QDir::homePath();
        places.pyenvRoot = root;
        ProcessRunner runner(ResourceLocator::execHelper());
        RuntimeDetector detector(runner, nodeModules(), places);
        const QMap<QString, RuntimeInfo> found = byName(detector.detectAll());
        int checked = 0;
        for (const QString &version : QDir(root + QStringLiteral("/versions")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (QFileInfo(root + QStringLiteral("/versions/") + version).isSymLink())
                continue;
            const RuntimeInfo runtime = found.value(QStringLiteral("pyenv-") + version);
            QVERIFY2(!runtime.name.isEmpty(), qPrintable(version));
            const QString interpreter = runtime.path;
            const QString actual = ask(interpreter, {"-c", "import platform; print(platform.python_version())"});
            QCOMPARE(runtime.version, actual);
            // Python 2 answers the probe but is refused: the programs need Python 3.
            QCOMPARE(runtime.available, !actual.startsWith(QLatin1String("2.")));
            ++checked;
        }
        QVERIFY(checked > 0);
    }

    void runtimesJsonThroughTheBinary()
    {
        QTemporaryDir home;
        QVERIFY(makeScript(home.path() + QStringLiteral("/share/Showdown/Showdown/runtimes/node-20/bin/node"), "exec /usr/bin/node \"$@\""));
        QVERIFY(makeScript(home.path() + QStringLiteral("/share/Showdown/Showdown/runtimes/broken/bin/python3"), "echo 'no encodings module' >&2; exit 1"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/share"));
        process.setProcessEnvironment(environment);
        process.start(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"), {QStringLiteral("runtimes"), QStringLiteral("--json")});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        const QJsonArray runtimes = QJsonDocument::fromJson(process.readAllStandardOutput()).object().value(QLatin1String("runtimes")).toArray();
        QMap<QString, QJsonObject> named;
        for (const QJsonValue &value : runtimes)
            named.insert(value.toObject().value(QLatin1String("name")).toString(), value.toObject());
        for (const QString &name : {QStringLiteral("node"), QStringLiteral("python3"), QStringLiteral("node-20")}) {
            const QJsonObject runtime = named.value(name);
            QVERIFY2(runtime.value(QLatin1String("available")).toBool(), qPrintable(name));
            for (const char *key : {"name", "family", "kind", "version", "path"})
                QVERIFY2(!runtime.value(QLatin1String(key)).toString().isEmpty(), key);
        }
        QCOMPARE(named.value(QStringLiteral("node")).value(QLatin1String("family")).toString(), QStringLiteral("javascript"));
        const QJsonObject python = named.value(QStringLiteral("python3"));
        QCOMPARE(python.value(QLatin1String("family")).toString(), QStringLiteral("python"));
        QCOMPARE(python.value(QLatin1String("kind")).toString(), QStringLiteral("cpython"));
        QCOMPARE(python.value(QLatin1String("implementation")).toString(), QStringLiteral("cpython"));
        QVERIFY(python.value(QLatin1String("gil_enabled")).isBool());
        QVERIFY(python.value(QLatin1String("free_threaded")).isBool());
        const QJsonObject broken = named.value(QStringLiteral("broken"));
        QCOMPARE(broken.value(QLatin1String("available")).toBool(true), false);
        QVERIFY2(broken.value(QLatin1String("error")).toString().contains(QLatin1String("no encodings module")),
                 qPrintable(QJsonDocument(broken).toJson()));
        if (!QStandardPaths::findExecutable(QStringLiteral("pypy3")).isEmpty()) {
            QCOMPARE(named.value(QStringLiteral("pypy3")).value(QLatin1String("kind")).toString(), QStringLiteral("pypy"));
            QVERIFY(named.value(QStringLiteral("pypy3")).value(QLatin1String("available")).toBool());
        }
    }

    void freeThreadedTwinRunsWithItsSetting()
    {
        // A python3.99t on PATH whose GIL follows PYTHON_GIL (Debian's python3, its probe's answer rewritten), which
        // logs the setting each program starts with: `run --runtime python3.99t-gil` must start every one with PYTHON_GIL=1.
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("starts.log"));
        QVERIFY(makeScript(dir.filePath(QStringLiteral("bin/python3.99t")),
                           "echo \"$PYTHON_GIL ${1##*/}\" >> '" + log.toUtf8() + "'\n"
                           "case \"$PYTHON_GIL\" in 1) g=true;; *) g=false;; esac\n"
                           "if [ \"$1\" = -c ]; then /usr/bin/python3 \"$@\" | sed \"s/\\\"gil\\\": true/\\\"gil\\\": $g/; "
                           "s/\\\"free_threaded\\\": false/\\\"free_threaded\\\": true/\"; else exec /usr/bin/python3 \"$@\"; fi"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PATH"), dir.filePath(QStringLiteral("bin")) + QLatin1Char(':') + environment.value(QStringLiteral("PATH")));
        process.setProcessEnvironment(environment);
        const QString showdown = qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown");
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        process.start(showdown, {QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("fib"), QStringLiteral("--runs"), QStringLiteral("1"),
                                 QStringLiteral("--runtime"), QStringLiteral("python3.99t-gil"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY(process.waitForFinished(300000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList starts = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList programs = starts.filter(QStringLiteral("fib.py"));
        QVERIFY2(!programs.isEmpty(), qPrintable(starts.join(QLatin1Char('|'))));
        for (const QString &start : programs)
            QCOMPARE(start, QStringLiteral("1 fib.py"));

        process.start(showdown, {QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY(process.waitForFinished(60000));
        QJsonObject twin;
        for (const QJsonValue &value : QJsonDocument::fromJson(process.readAllStandardOutput()).object().value(QLatin1String("result_set")).toObject().value(QLatin1String("runtimes")).toArray()) {
            if (value.toObject().value(QLatin1String("name")).toString() == QLatin1String("python3.99t-gil"))
                twin = value.toObject();
        }
        QCOMPARE(twin.value(QLatin1String("gil_enabled")).toBool(false), true);
        QCOMPARE(twin.value(QLatin1String("free_threaded")).toBool(false), true);
        QCOMPARE(twin.value(QLatin1String("environment")).toObject().value(QLatin1String("PYTHON_GIL")).toString(), QStringLiteral("1"));

        // Exported and imported, the runtime keeps its kind and environment; a kind Showdown does not know is refused.
        const QString exported = dir.filePath(QStringLiteral("set.json"));
        process.start(showdown, {QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--db"), db, QStringLiteral("--json"), exported});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QFile file2(exported);
        QVERIFY(file2.open(QIODevice::ReadOnly));
        const QByteArray json = file2.readAll();
        file2.close();
        QVERIFY(json.contains("\"kind\": \"cpython\""));
        QByteArray foreign = json;
        foreign.replace("\"kind\": \"cpython\"", "\"kind\": \"ruby\"");
        const QString foreignFile = dir.filePath(QStringLiteral("foreign.json"));
        QFile out(foreignFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(foreign);
        out.close();
        process.start(showdown, {QStringLiteral("import"), foreignFile, QStringLiteral("--db"), dir.filePath(QStringLiteral("other.sqlite"))});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY(process.exitCode() != 0);
        const QString refused = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(refused.contains(QLatin1String("ruby")), qPrintable(refused));
        process.start(showdown, {QStringLiteral("import"), exported, QStringLiteral("--db"), dir.filePath(QStringLiteral("other.sqlite"))});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        process.start(showdown, {QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--db"), dir.filePath(QStringLiteral("other.sqlite")), QStringLiteral("--json")});
        QVERIFY(process.waitForFinished(60000));
        QJsonObject imported;
        for (const QJsonValue &value : QJsonDocument::fromJson(process.readAllStandardOutput()).object().value(QLatin1String("result_set")).toObject().value(QLatin1String("runtimes")).toArray()) {
            if (value.toObject().value(QLatin1String("name")).toString() == QLatin1String("python3.99t-gil"))
                imported = value.toObject();
        }
        QCOMPARE(imported.value(QLatin1String("kind")).toString(), QStringLiteral("cpython"));
        QCOMPARE(imported.value(QLatin1String("environment")).toObject().value(QLatin1String("PYTHON_GIL")).toString(), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(RuntimeDetectorTest)
#include "RuntimeDetectorTest.moc"
