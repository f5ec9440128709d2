#pragma once

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
};

} // namespace showdown
