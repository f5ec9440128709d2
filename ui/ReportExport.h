#pragma once

#include "ResultSetAnalysis.h"
#include "ResultSetBundle.h"

#include <QString>

#include <functional>

class QObject;

namespace showdown {

/// The window's File → Export (JSON, CSV), Export PDF report… and Save as .showdown…: the work the CLI verbs do, arranged so
/// the GUI thread never waits on a file. The report is drawn on the GUI thread (charts are graphics items,
/// under a second for a standard suite) into memory; files are written on a worker thread.
class ReportExport {
public:
    /// Calls `done` on `context`'s thread with an empty string on success, or the error.
    static void writePdf(const ResultSetBundle &set, const QString &path, QObject *context, const std::function<void(const QString &)> &done);
    /// The documented exchange formats (db/RESULT_JSON_SCHEMA.md): CSV when the path ends in .csv, else JSON.
    static void writeData(const ResultSetBundle &set, const QString &path, QObject *context, const std::function<void(const QString &)> &done);
    static void saveShowdown(const ResultSetBundle &set, const QString &path, QObject *context,
                             const std::function<void(const QString &)> &done);

    /// The report from an analysis already made (the window's snapshot): no sample is read.
    static void writePdf(const ResultSetInfo &info, const QList<RuntimeInfo> &runtimes, const ResultSetAnalysis &analysis,
                         const QString &path, QObject *context, const std::function<void(const QString &)> &done);
    /// writeData() and saveShowdown() of set `id` of a database, read whole (every timing) on the worker
    /// thread: the window's snapshot of an analysed set holds no timings, and an export must lose nothing.
    static void writeData(const QString &databasePath, qint64 id, const QString &path, QObject *context,
                          const std::function<void(const QString &)> &done);
    static void saveShowdown(const QString &databasePath, qint64 id, const QString &path, QObject *context,
                             const std::function<void(const QString &)> &done);
};

} // namespace showdown
