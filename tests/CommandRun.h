#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

/// What a finished command printed and how it ended (-1: crashed or timed out).
struct CommandRun {
    int code = -1;
    QString out;
    QString err;
};

/// Runs `program` to its end (killed after `timeoutMs`), for the report tests that drive `showdown`, poppler and
/// the browser check as a user would.
inline CommandRun runCommand(const QString &program, const QStringList &arguments, int timeoutMs = 600000)
{
    QProcess process;
    process.start(program, arguments);
    CommandRun result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("%1 did not finish").arg(program);
        return result;
    }
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}
