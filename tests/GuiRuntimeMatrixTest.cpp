// The window with several runtimes per family, on a real set measured here by `showdown run` with node, python3 and
// whichever of pypy3 and bun this machine has: the claims × pairings matrix against `showdown claims --json`, the
// cards' by-pairing lines, the same-family table and chart, each runtime's colour, and the Run dialog's listing.

#include "ChartPanel.h"
#include "ClaimCard.h"
#include "ClaimMatrixModel.h"
#include "ClaimMatrixView.h"
#include "ClaimsSession.h"
#include "CommandRun.h"
#include "Format.h"
#include "Inventory.h"
#include "MainWindow.h"
#include "OverviewCards.h"
#include "OverviewPage.h"
#include "PerformancePage.h"
#include "ResultSession.h"
#include "RunDialog.h"
#include "RuntimeBaselines.h"
#include "RuntimeComparisonTableModel.h"
#include "SettingsDialog.h"
#include "WindowPages.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPushButton>
#include <QScatterSeries>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;

namespace {

QString showdownBinary()
{
    return qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown");
}

/// The chart a panel shows once its tab is in front (a panel builds its chart when it is on screen).
QChart *chartOf(ChartPanel *panel)
{
    for (QWidget *w = panel->parentWidget(); w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            tabs->setCurrentIndex(tabs->indexOf(panel));
            break;
        }
    }
    return QTest::qWaitFor([&] { return panel->chart() != nullptr; }, 20000) ? panel->chart() : nullptr;
}

} // namespace

class GuiRuntimeMatrixTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_id = 0;
    QStringList m_javascript;  ///< runtime names of the set, per family
    QStringList m_python;
    QJsonObject m_claims;      ///< `showdown claims --json` of the set: what the window must agree with

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(showdownBinary()).isExecutable(), qPrintable(showdownBinary()));
        // Bun and Deno live in /work/rt/bin on the development machine; the window's detection finds them on PATH.
        if (QFileInfo(QStringLiteral("/work/rt/bin")).isDir())
            qputenv("PATH", "/work/rt/bin:" + qgetenv("PATH"));
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is not on PATH");
        QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/python3")).isExecutable(), "/usr/bin/python3 is missing");
        QStringList runtimes{QStringLiteral("node"), QStringLiteral("/usr/bin/python3")};
        m_javascript << QStringLiteral("node");
        m_python << QStringLiteral("python3");
        QStringList missing;
        if (!QStandardPaths::findExecutable(QStringLiteral("pypy3")).isEmpty()) {
            runtimes << QStringLiteral("pypy3");
            m_python << QStringLiteral("pypy3");
        } else {
            missing << QStringLiteral("pypy3 (apt-get install pypy3)");
        }
        if (!QStandardPaths::findExecutable(QStringLiteral("bun")).isEmpty()) {
            runtimes << QStringLiteral("bun");
            m_javascript << QStringLiteral("bun");
        } else {
            missing << QStringLiteral("bun (showdown runtimes install bun)");
        }
        if (m_javascript.size() * m_python.size() < 2)
            QSKIP(qPrintable(QStringLiteral("a matrix needs more than one pairing; missing: %1").arg(missing.join(QStringLiteral(", ")))));
        if (!missing.isEmpty())
            qWarning("running without %s", qPrintable(missing.join(QStringLiteral(", "))));

        m_db = m_dir.filePath(QStringLiteral("matrix.sqlite"));
        QStringList arguments{QStringLiteral("run"),  QStringLiteral("--db"), m_db, QStringLiteral("--suite"), QStringLiteral("quick"),
                              QStringLiteral("--only"), QStringLiteral("nbody,fib,json-roundtrip"), QStringLiteral("--runs"), QStringLiteral("3"),
                              QStringLiteral("--json")};
        for (const QString &runtime : runtimes)
            arguments << QStringLiteral("--runtime") << runtime;
        const CommandRun run = runCommand(showdownBinary(), arguments, 600000);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        m_id = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("result_set")).toInteger();
        if (m_id == 0)
            m_id = 1;  // the first set of a new file
        const CommandRun claims = runCommand(showdownBinary(), {QStringLiteral("claims"), QString::number(m_id), QStringLiteral("--db"), m_db,
                                                                QStringLiteral("--json")});
        QVERIFY2(claims.code == 0, qPrintable(claims.err));
        m_claims = QJsonDocument::fromJson(claims.out.toUtf8()).object();
        QCOMPARE(m_claims.value(QStringLiteral("result_set")).toInteger(), m_id);
    }

    void matrixShowsEveryPairingsVerdictAsTheCliDoes()
    {
        MainWindow window(m_db);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(ClaimsSession::shared()->ready() && ClaimsSession::shared()->state().resultSetId == m_id, 120000);
        auto *overview = page<OverviewPage>(window);
        QVERIFY(overview);
        const ClaimMatrixModel *model = overview->claimMatrix()->model();
        const QJsonArray pairings = m_claims.value(QStringLiteral("pairings")).toArray();
        QCOMPARE(pairings.size(), m_javascript.size() * m_python.size());
        QCOMPARE(model->columnCount(), int(pairings.size()));
        const QJsonArray claims = m_claims.value(QStringLiteral("claims")).toArray();
        QVERIFY(claims.size() > 5);
        QCOMPARE(model->rowCount(), int(claims.size()));
        for (int column = 0; column < model->columnCount(); ++column) {
            const QJsonObject pairing = pairings.at(column).toObject();
            QCOMPARE(model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString(), pairing.value(QStringLiteral("label")).toString());
            QVERIFY(m_javascript.contains(pairing.value(QStringLiteral("javascript")).toString()));
            QVERIFY(m_python.contains(pairing.value(QStringLiteral("python")).toString()));
            const QJsonArray verdicts = pairing.value(QStringLiteral("verdicts")).toArray();
            for (int row = 0; row < model->rowCount(); ++row) {
                const QJsonObject expected = verdicts.at(row).toObject();
                const QModelIndex cell = model->index(row, column);
                QCOMPARE(model->headerData(row, Qt::Vertical, Qt::DisplayRole).toString(), expected.value(QStringLiteral("id")).toString());
                QCOMPARE(cell.data().toString(), expected.value(QStringLiteral("verdict")).toString());
                QCOMPARE(cell.data(Qt::BackgroundRole).value<QBrush>().color(), ClaimCard::verdictColor(expected.value(QStringLiteral("verdict")).toString()));
                QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(expected.value(QStringLiteral("why")).toString()),
                         qPrintable(cell.data(Qt::ToolTipRole).toString()));
            }
        }
        // The baselines' pairing comes first: newest Node (node) and the system CPython (python3).
        QCOMPARE(model->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("node vs python3"));
        // The matrix's tab is on show because the set has more than one pairing.
        auto *tabs = qobject_cast<QTabWidget *>(overview->claimMatrix()->parentWidget()->parentWidget());
        QVERIFY(tabs);
        QVERIFY(tabs->isTabVisible(tabs->indexOf(overview->claimMatrix())));
        tabs->setCurrentWidget(overview->claimMatrix());
        QVERIFY(overview->claimMatrix()->view()->isVisible());
    }

    void cardsNameTheirPairingAndWhereTheVerdictChanges()
    {
        MainWindow window(m_db);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(ClaimsSession::shared()->ready() && ClaimsSession::shared()->state().resultSetId == m_id, 120000);
        auto *cards = window.findChild<OverviewCards *>();
        QVERIFY(cards);
        const QJsonArray claims = m_claims.value(QStringLiteral("claims")).toArray();
        QTRY_COMPARE(cards->cards().size(), claims.size());
        for (qsizetype i = 0; i < claims.size(); ++i) {
            const QJsonObject claim = claims.at(i).toObject();
            const ClaimCard *card = cards->cards().at(i);
            QCOMPARE(card->verdict().id, claim.value(QStringLiteral("id")).toString());
            // The single verdict is the baselines' pairing's, the CLI's first answer.
            QCOMPARE(card->verdict().verdict, claim.value(QStringLiteral("verdict")).toString());
            QCOMPARE(card->pairingText(), QStringLiteral("Verdict for node vs python3"));
            const QString byPairing = claim.value(QStringLiteral("by_pairing")).toString();
            if (byPairing.isEmpty()) {
                QVERIFY2(card->byPairingText().isEmpty(), qPrintable(card->byPairingText()));
                continue;
            }
            // Every "VERDICT for PAIRING" of the CLI is a line of the card.
            for (const QString &part : byPairing.split(QStringLiteral("; "))) {
                const QString pairing = part.section(QStringLiteral(" for "), 1);
                const QString verdict = part.section(QStringLiteral(" for "), 0, 0);
                QVERIFY2(card->byPairingText().contains(QStringLiteral("</b></span> for ") + pairing.toHtmlEscaped()), qPrintable(card->byPairingText()));
                QVERIFY2(card->byPairingText().contains(QStringLiteral("<b>%1</b>").arg(verdict)), qPrintable(card->byPairingText()));
            }
        }
    }

    void sameFamilyComparisonsHaveATableAndAChart()
    {
        MainWindow window(m_db);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->loading() && window.session()->currentId() == m_id, 60000);
        const ResultSnapshot snapshot = window.session()->snapshot();
        window.showPage(window.pages().indexOf(page<PerformancePage>(window)));
        auto *performance = page<PerformancePage>(window);
        const QList<RuntimeComparison> &rows = performance->runtimeComparisonModel()->rows();
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows.size(), snapshot.runtimeComparisons.size());
        const RuntimeBaselines baselines = RuntimeBaselines::defaults(snapshot.runtimes);
        QStringList compared;
        for (int row = 0; row < int(rows.size()); ++row) {
            const RuntimeComparison &c = rows.at(row);
            QCOMPARE(c.baseline, baselines.baseline(c.family));
            QVERIFY(c.runtime != c.baseline);
            QVERIFY((c.family == RuntimeFamily::JavaScript ? m_javascript : m_python).contains(c.runtime));
            // The table says who is faster in the comparison table's words.
            const RuntimeComparisonTableModel *model = performance->runtimeComparisonModel();
            QCOMPARE(model->index(row, 2).data().toString(), c.runtime);
            QCOMPARE(model->index(row, 3).data().toString(), c.baseline);
            QCOMPARE(model->index(row, 6).data().toString(), Format::faster(c.ratio.ratio, c.runtime, c.baseline));
            if (std::isfinite(c.ratio.ratio) && c.ratio.ratio > 0)
                compared << QStringLiteral("%1 / %2").arg(c.runtime, c.baseline);
        }
        QVERIFY(!compared.isEmpty());
        // The chart draws the model's rows: one series per runtime, one point per ratio, in the runtime's colour.
        QChart *chart = chartOf(performance->runtimeRatiosPanel());
        QVERIFY(chart);
        QVERIFY(chart->title().contains(QStringLiteral("baseline")));
        int points = 0;
        for (QAbstractSeries *series : chart->series()) {
            auto *scatter = qobject_cast<QScatterSeries *>(series);
            if (!scatter)
                continue;
            QVERIFY2(compared.contains(scatter->name()), qPrintable(scatter->name()));
            QCOMPARE(scatter->color(), ChartFactory::runtimeColor(snapshot.runtimes, scatter->name().section(QStringLiteral(" / "), 0, 0)));
            points += int(scatter->count());
        }
        QCOMPARE(points, int(compared.size()));
    }

    void eachRuntimeKeepsOneColour()
    {
        MainWindow window(m_db);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->loading() && window.session()->currentId() == m_id, 60000);
        const QList<RuntimeInfo> runtimes = window.session()->snapshot().runtimes;
        QCOMPARE(ChartFactory::runtimeColor(runtimes, QStringLiteral("node")), QColor(RuntimeKind(RuntimeKind::Node).colour()));
        QCOMPARE(ChartFactory::runtimeColor(runtimes, QStringLiteral("python3")), QColor(RuntimeKind(RuntimeKind::CPython).colour()));
        for (const RuntimeInfo &runtime : runtimes) {
            QCOMPARE(ChartFactory::runtimeColor(runtimes, runtime.name), ChartFactory::runtimeColor(runtimes, runtime.name));
            // The first runtime of each kind in this set has its kind's colour, found from the record, not the name.
            QCOMPARE(ChartFactory::runtimeColor(runtimes, runtime.name), QColor(runtime.resolvedKind()->colour()));
        }
        // A second runtime of a kind (another Node) gets a shade of its own, distinct from every runtime of the set.
        QList<RuntimeInfo> more = runtimes;
        RuntimeInfo second = runtimes.first();
        second.name = QStringLiteral("node-22");
        second.path = QStringLiteral("/opt/node-22/bin/node");
        more.append(second);
        const QColor shade = ChartFactory::runtimeColor(more, second.name);
        for (const RuntimeInfo &runtime : runtimes) {
            QVERIFY2(shade != ChartFactory::runtimeColor(more, runtime.name), qPrintable(runtime.name));
            QCOMPARE(ChartFactory::runtimeColor(more, runtime.name), ChartFactory::runtimeColor(runtimes, runtime.name));
        }
        // The Performance page's bars use the same function: each bar set has its runtime's colour.
        window.showPage(window.pages().indexOf(page<PerformancePage>(window)));
        QChart *bars = chartOf(page<PerformancePage>(window)->barsPanel());
        QVERIFY(bars);
        int sets = 0;
        for (QAbstractSeries *series : bars->series()) {
            if (auto *barSeries = qobject_cast<QBarSeries *>(series)) {
                for (QBarSet *set : barSeries->barSets()) {
                    QCOMPARE(set->color(), ChartFactory::runtimeColor(runtimes, set->label()));
                    ++sets;
                }
            }
        }
        QCOMPARE(sets, int(runtimes.size()));
    }

    void runDialogListsFamilyKindAndVersion()
    {
        MainWindow window(m_db);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.inventory()->ready(), 60000);
        window.runAction()->trigger();
        auto *dialog = window.findChild<RunDialog *>();
        QVERIFY(dialog);
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("runtimes"));
        QVERIFY(list);
        QCOMPARE(list->count(), int(window.inventory()->runtimes().size()));
        bool pythonSeen = false;
        QStringList listed;
        for (int i = 0; i < list->count(); ++i) {
            const QString text = list->item(i)->text();
            const auto found = std::find_if(window.inventory()->runtimes().begin(), window.inventory()->runtimes().end(),
                                            [&](const RuntimeInfo &r) { return text.startsWith(r.name + QStringLiteral(" — ")); });
            QVERIFY2(found != window.inventory()->runtimes().end(), qPrintable(text));
            if (!found->available || !found->family)
                continue;
            const bool javascript = *found->family == RuntimeFamily::JavaScript;
            QVERIFY2(text.contains(QStringLiteral(" — %1, %2 %3").arg(javascript ? QStringLiteral("JavaScript") : QStringLiteral("Python"),
                                                                       found->resolvedKind()->title(), found->version)),
                     qPrintable(text));
            QVERIFY2(text.endsWith(found->path), qPrintable(text));
            // Grouped by family: no JavaScript runtime after the first Python one.
            QVERIFY2(!(javascript && pythonSeen), qPrintable(text));
            pythonSeen = pythonSeen || !javascript;
            listed << found->name;
        }
        for (const QString &name : m_javascript + m_python)
            QVERIFY2(listed.contains(name), qPrintable(listed.join(QLatin1Char(' '))));

        // Any JavaScript runtime with any Python runtime makes a comparison.
        QPushButton *start = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        auto checkOnly = [&](const QStringList &names) {
            for (int i = 0; i < list->count(); ++i) {
                QListWidgetItem *item = list->item(i);
                if (item->flags() & Qt::ItemIsEnabled)
                    item->setCheckState(names.contains(item->text().section(QStringLiteral(" — "), 0, 0)) ? Qt::Checked : Qt::Unchecked);
            }
        };
        checkOnly({m_javascript.last(), m_python.last()});
        QVERIFY(start->isEnabled());
        checkOnly(m_python);
        QVERIFY(!start->isEnabled());
        checkOnly(m_javascript);
        QVERIFY(!start->isEnabled());
        dialog->reject();

        SettingsDialog settings({});
        settings.setKnownRuntimes(window.inventory()->runtimes());
        for (const RuntimeInfo &runtime : window.inventory()->runtimes()) {
            if (runtime.available && runtime.family)
                QVERIFY2(settings.knownRuntimesText().contains(QStringLiteral("%1 — %2").arg(runtime.name, runtime.family == RuntimeFamily::JavaScript ? QStringLiteral("JavaScript") : QStringLiteral("Python"))),
                         qPrintable(settings.knownRuntimesText()));
        }
    }
};

QTEST_MAIN(GuiRuntimeMatrixTest)
#include "GuiRuntimeMatrixTest.moc"
