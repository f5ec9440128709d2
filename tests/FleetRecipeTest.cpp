// The fleet recipes in packaging/ (the container recipe, the Kubernetes Job template, the CI matrix) read as text:
// every `showdown` command they run names a verb the CLI has, with options that verb's --help lists, and the
// credentials they use come from the environment or a Secret, never from a command line.

#include "Cli.h"
#include "CommandRun.h"
#include "DatabaseReference.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

using namespace showdown;

namespace {

QString readSource(const QString &relative)
{
    QFile file(QStringLiteral(SHOWDOWN_SOURCE_DIR "/") + relative);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// One `showdown` command found in a recipe: its verb (empty: options only) and the options it passes.
struct Command {
    QString verb;
    QStringList options;
    QString text;
};

/// Every command a recipe runs: `showdown VERB ...` and `.../showdown VERB ...` up to the end of the shell command,
/// `bootstrap.sh run VERB ...` (which runs the built showdown), and a Dockerfile's ENTRYPOINT ["showdown"] + CMD.
QList<Command> commandsIn(const QString &text)
{
    QList<Command> commands;
    const auto add = [&](const QString &words, const QString &whole) {
        Command command;
        command.text = whole.trimmed();
        static const QRegularExpression option(QStringLiteral("(?:^|\\s)(--[a-z][a-z-]*)"));
        const QString first = words.trimmed().section(QLatin1Char(' '), 0, 0);
        command.verb = first.startsWith(QLatin1Char('-')) ? QString() : first;
        for (auto it = option.globalMatch(words); it.hasNext();)
            command.options.append(it.next().captured(1));
        commands.append(command);
    };
    static const QRegularExpression program(QStringLiteral("(?:^|[\\s\"'/;])showdown[ \\t]+([a-z-][^\\n;&|]*)"), QRegularExpression::MultilineOption);
    static const QRegularExpression bootstrap(QStringLiteral("bootstrap\\.sh run[ \\t]+([^\\n;&|]*)"));
    for (const QRegularExpression &pattern : {program, bootstrap}) {
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            add(match.captured(1), match.captured(0));
        }
    }
    static const QRegularExpression entrypoint(QStringLiteral("^ENTRYPOINT (\\[.*\\])$"), QRegularExpression::MultilineOption);
    static const QRegularExpression cmd(QStringLiteral("^CMD (\\[.*\\])$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch entry = entrypoint.match(text);
    if (entry.hasMatch()) {
        const QJsonArray program = QJsonDocument::fromJson(entry.captured(1).toUtf8()).array();
        const QJsonArray arguments = QJsonDocument::fromJson(cmd.match(text).captured(1).toUtf8()).array();
        QStringList words;
        for (const QJsonValue &word : arguments)
            words.append(word.toString());
        if (program.size() == 1 && program.at(0).toString() == QLatin1String("showdown"))
            add(words.join(QLatin1Char(' ')), QStringLiteral("ENTRYPOINT + CMD: showdown ") + words.join(QLatin1Char(' ')));
    }
    return commands;
}

} // namespace

class FleetRecipeTest : public QObject {
    Q_OBJECT

private:
    QMap<QString, QString> m_help;  ///< `showdown VERB --help` by verb ("" for `showdown --help`)

    QString help(const QString &verb)
    {
        if (!m_help.contains(verb)) {
            QStringList arguments{QStringLiteral("--help")};
            if (!verb.isEmpty())
                arguments.prepend(verb);
            const CommandRun run = runCommand(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"), arguments, 60000);
            m_help.insert(verb, run.code == 0 ? run.out : QString());
        }
        return m_help.value(verb);
    }

private slots:
    void everyCommandExists_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("atLeast");  // so that a recipe rewritten out of the parser's sight fails here
        QTest::newRow("container") << QStringLiteral("packaging/container/Dockerfile") << 3;
        QTest::newRow("kubernetes job") << QStringLiteral("packaging/kubernetes/showdown-job.yaml") << 2;
        QTest::newRow("ci matrix") << QStringLiteral("packaging/ci/github-actions.yml") << 6;
    }

    void everyCommandExists()
    {
        QFETCH(QString, file);
        QFETCH(int, atLeast);
        const QString text = readSource(file);
        QVERIFY2(!text.isEmpty(), qPrintable(file));
        const QList<Command> commands = commandsIn(text);
        QVERIFY2(commands.size() >= atLeast, qPrintable(QStringLiteral("%1 commands found").arg(commands.size())));
        for (const Command &command : commands) {
            QVERIFY2(command.verb.isEmpty() || Cli::verbs().contains(command.verb), qPrintable(QStringLiteral("unknown verb in: ") + command.text));
            const QString verbHelp = help(command.verb);
            QVERIFY2(!verbHelp.isEmpty(), qPrintable(command.text));
            for (const QString &option : command.options) {
                static const QRegularExpression listed(QStringLiteral("(?:^|[\\s,])(--[a-z][a-z-]*)"), QRegularExpression::MultilineOption);
                QStringList known;
                for (auto it = listed.globalMatch(verbHelp); it.hasNext();)
                    known.append(it.next().captured(1));
                QVERIFY2(known.contains(option), qPrintable(QStringLiteral("%1 is not an option of `showdown %2` in: %3").arg(option, command.verb, command.text)));
            }
        }
    }

    void credentialsComeFromTheEnvironment()
    {
        const QString job = readSource(QStringLiteral("packaging/kubernetes/showdown-job.yaml"));
        QVERIFY(job.contains(QLatin1String("kind: Job")) && job.contains(QLatin1String("completionMode: Indexed")));
        QVERIFY(job.contains(QLatin1String("nodeSelector:")));
        // The password from a Secret, the URL a valid team store without one.
        QVERIFY(job.contains(QLatin1String("name: PGPASSWORD\n              valueFrom:\n                secretKeyRef:")));
        static const QRegularExpression url(QStringLiteral("\"(postgresql://[^\"]+)\""));
        const QRegularExpressionMatch store = url.match(job);
        QVERIFY(store.hasMatch());
        QString error;
        const std::optional<DatabaseReference> reference = DatabaseReference::parse(store.captured(1), &error);
        QVERIFY2(reference && reference->isServer(), qPrintable(error));
        QCOMPARE(reference->parameters.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        const QString ci = readSource(QStringLiteral("packaging/ci/github-actions.yml"));
        QVERIFY(ci.contains(QLatin1String("PGPASSWORD: ${{ secrets.")));
        for (const QString &recipe : {job, ci, readSource(QStringLiteral("packaging/container/Dockerfile"))}) {
            static const QRegularExpression passwordInUrl(QStringLiteral("postgres(?:ql)?://[^@\\s/]+:[^@\\s/]+@"));
            QVERIFY(!passwordInUrl.match(recipe).hasMatch());
        }
        const QString dockerfile = readSource(QStringLiteral("packaging/container/Dockerfile"));
        QVERIFY(dockerfile.contains(QLatin1String("FROM debian:bookworm")));
        QVERIFY(dockerfile.contains(QLatin1String("RUN bash packaging/bootstrap.sh")));
    }
};

QTEST_GUILESS_MAIN(FleetRecipeTest)
#include "FleetRecipeTest.moc"
