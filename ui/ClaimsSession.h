#pragma once

#include "ClaimEvaluator.h"
#include "ClaimRule.h"
#include "ClaimVerdict.h"
#include "DatasetCatalog.h"
#include "ResultSnapshot.h"
#include "SourceSizeProxy.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <optional>

namespace showdown {

/// The verdicts and datasets every claim page shows, computed off the GUI thread (files are read and
/// thousands of bootstrap resamples drawn) and shared, so the Overview cards and the Decision guide agree.
class ClaimsSession : public QObject {
    Q_OBJECT
public:
    /// Everything one computation produces.
    struct State {
        qint64 resultSetId = 0;
        DatasetCatalog datasets;
        QList<SourceSize> sourceSizes;
        QList<ClaimVerdict> verdicts;  ///< for the baselines' pairing: the matrix's first column
        /// Every claim for every JavaScript × Python pairing, the baselines' first (empty without both families).
        QList<PairingVerdicts> matrix;
        QList<ClaimRule> rules;   ///< the declared rules, for the pages that draw the article's figures
        QString rulesError;
    };

    /// The one instance, owned by the application object.
    [[nodiscard]] static ClaimsSession *shared();

    /// Recomputes the verdicts for `snapshot` (a newer request supersedes one still running).
    void update(const ResultSnapshot &snapshot);
    /// Re-reads the datasets (after an import) and recomputes with the last snapshot.
    void reloadDatasets();
    /// Validates and imports a dataset CSV off the GUI thread; `imported` or `importFailed` follows.
    void importDataset(const QString &path);

    [[nodiscard]] const State &state() const { return m_state; }
    [[nodiscard]] bool ready() const { return m_ready; }
    /// The dataset `name` when it is loaded with rows; otherwise nullptr, after telling `explain` why when the
    /// load failed (not while the first load is still running, so a page keeps its "loading" message).
    [[nodiscard]] const DatasetTable *usableTable(const QString &name, const std::function<void(const QString &)> &explain) const;
    /// The verdict of claim `id`, if the rules have one.
    [[nodiscard]] std::optional<ClaimVerdict> verdict(const QString &id) const;
    /// Where claim `id`'s verdict changes with the pairing ("Supported for node vs python3; Not supported for
    /// node vs pypy3"); empty when every pairing agrees.
    [[nodiscard]] QString verdictByPairing(const QString &id) const;
    /// The pairing the single verdicts judge ("node vs python3") when the set has more than one; else empty.
    [[nodiscard]] QString verdictPairing() const;

signals:
    /// New verdicts and datasets are in state().
    void changed();
    void imported(const QString &storedPath);
    void importFailed(const QString &error);

private:
    explicit ClaimsSession(QObject *parent);
    void start();

    State m_state;
    bool m_ready = false;
    ResultSnapshot m_snapshot;
    bool m_pending = false;
    QFutureWatcher<State> m_watcher;
};

} // namespace showdown
