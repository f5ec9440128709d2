#include "RunDialog.h"

#include "AppSettings.h"
#include "Inventory.h"
#include "RuntimeListing.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace showdown {

RunDialog::RunDialog(Inventory &inventory, QWidget *parent) : QDialog(parent), m_inventory(inventory)
{
    setWindowTitle(tr("Run a suite"));
    m_suite = new QComboBox;
    m_suiteDescription = new QLabel;
    m_suiteDescription->setWordWrap(true);
    m_runtimes = new QListWidget;
    m_runtimes->setObjectName(QStringLiteral("runtimes"));
    m_benchmarks = new QListWidget;
    m_benchmarks->setObjectName(QStringLiteral("benchmarks"));
    m_runs = new QSpinBox;
    m_runs->setRange(0, 1000);
    m_runs->setSpecialValueText(tr("as the suite says"));
    m_runs->setToolTip(tr("Fresh processes per benchmark and runtime"));
    m_timeout = new QSpinBox;
    m_timeout->setRange(0, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("each benchmark's own"));
    m_timeout->setValue(AppSettings::timeoutSeconds());
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));

    auto *addInterpreterButton = new QPushButton(tr("Add interpreter…"));
    addInterpreterButton->setToolTip(tr("Any node, bun, deno, python3 or pypy3 executable, probed for its kind, version and libraries"));
    connect(addInterpreterButton, &QPushButton::clicked, this, &RunDialog::addInterpreter);
    auto *all = new QPushButton(tr("All"));
    auto *none = new QPushButton(tr("None"));
    connect(all, &QPushButton::clicked, this, [this] { setBenchmarks({}); });
    connect(none, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_benchmarks->count(); ++i)
            m_benchmarks->item(i)->setCheckState(Qt::Unchecked);
    });

    if (const std::optional<Catalog> &catalog = inventory.catalog()) {
        for (const QString &suite : catalog->suites())
            m_suite->addItem(suite, catalog->suiteDescription(suite));
        for (const Benchmark &benchmark : catalog->benchmarks()) {
            auto *item = new QListWidgetItem(QStringLiteral("%1 — %2 (%3)").arg(benchmark.name, benchmark.title, benchmark.category.name()));
            item->setData(Qt::UserRole, benchmark.name);
            item->setToolTip(benchmark.description);
            item->setCheckState(Qt::Checked);
            m_benchmarks->addItem(item);
        }
    } else {
        m_problem->setText(inventory.ready() ? tr("The benchmark list could not be read: %1").arg(inventory.catalogError())
                                             : tr("Still looking for runtimes and benchmarks; try again in a moment."));
    }
    connect(m_suite, &QComboBox::currentIndexChanged, this, [this] { m_suiteDescription->setText(m_suite->currentData().toString()); });
    setSuite(AppSettings::defaultSuite());
    m_suiteDescription->setText(m_suite->currentData().toString());
    fillRuntimes();
    connect(&inventory, &Inventory::probed, this, [this](const RuntimeInfo &runtime) {
        if (!runtime.available) {
            m_problem->setText(tr("%1 cannot be used: %2").arg(runtime.path, runtime.problem));
            return;
        }
        addRuntime(runtime, true);
        validate();
    });
    connect(m_runtimes, &QListWidget::itemChanged, this, &RunDialog::validate);
    connect(m_benchmarks, &QListWidget::itemChanged, this, &RunDialog::validate);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Suite:"), m_suite);
    form->addRow(QString(), m_suiteDescription);
    form->addRow(tr("Processes:"), m_runs);
    form->addRow(tr("Timeout per process:"), m_timeout);
    auto *runtimeButtons = new QHBoxLayout;
    runtimeButtons->addWidget(new QLabel(tr("Runtimes (a comparison needs at least one JavaScript and one Python runtime):")), 1);
    runtimeButtons->addWidget(addInterpreterButton);
    auto *benchmarkButtons = new QHBoxLayout;
    benchmarkButtons->addWidget(new QLabel(tr("Benchmarks:")), 1);
    benchmarkButtons->addWidget(all);
    benchmarkButtons->addWidget(none);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(runtimeButtons);
    layout->addWidget(m_runtimes, 2);  // every detected runtime of both families, readable without much scrolling
    layout->addLayout(benchmarkButtons);
    layout->addWidget(m_benchmarks, 2);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(640, 620);
    validate();
}

void RunDialog::fillRuntimes()
{
    const QList<RuntimeInfo> defaults = m_inventory.defaultSelection();
    for (const RuntimeInfo &runtime : RuntimeListing::byFamily(m_inventory.runtimes())) {
        const bool preferred = std::any_of(defaults.begin(), defaults.end(), [&](const RuntimeInfo &r) { return r.name == runtime.name; });
        addRuntime(runtime, preferred);
    }
}

void RunDialog::addRuntime(const RuntimeInfo &runtime, bool checked)
{
    if (std::any_of(m_runtimeList.begin(), m_runtimeList.end(), [&](const RuntimeInfo &r) { return r.path == runtime.path && r.name == runtime.name; }))
        return;
    m_runtimeList.append(runtime);
    auto *item = new QListWidgetItem;
    item->setText(RuntimeListing::describe(runtime));
    if (runtime.available) {
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(runtime.libraries.isEmpty() ? tr("No optional libraries found")
                                                     : tr("Libraries: %1").arg(runtime.libraries.join(QStringLiteral(", "))));
    } else {
        item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    item->setData(Qt::UserRole, int(m_runtimeList.size() - 1));
    // Grouped by family: one probed later (Add interpreter…) goes after the last runtime of its family.
    int row = 0;
    while (row < m_runtimes->count()
           && RuntimeListing::familyRank(m_runtimeList.at(m_runtimes->item(row)->data(Qt::UserRole).toInt()).family)
                  <= RuntimeListing::familyRank(runtime.family))
        ++row;
    m_runtimes->insertItem(row, item);
}

void RunDialog::addInterpreter()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose an interpreter"), QStringLiteral("/usr/bin"));
    if (path.isEmpty())
        return;
    m_problem->setText(tr("Probing %1…").arg(path));
    QStringList extra = AppSettings::extraInterpreters();
    if (!extra.contains(path)) {
        extra.append(path);
        AppSettings::setExtraInterpreters(extra);
    }
    m_inventory.probe(path);
}

void RunDialog::setSuite(const QString &suite)
{
    const int index = m_suite->findText(suite);
    if (index >= 0)
        m_suite->setCurrentIndex(index);
}

void RunDialog::setBenchmarks(const QStringList &names)
{
    for (int i = 0; i < m_benchmarks->count(); ++i) {
        QListWidgetItem *item = m_benchmarks->item(i);
        item->setCheckState(names.isEmpty() || names.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

RunRequest RunDialog::request() const
{
    RunRequest request;
    request.suite = m_suite->currentText();
    request.runs = m_runs->value();
    request.timeoutSeconds = m_timeout->value();
    bool every = true;
    for (int i = 0; i < m_benchmarks->count(); ++i) {
        const QListWidgetItem *item = m_benchmarks->item(i);
        if (item->checkState() == Qt::Checked)
            request.only.append(item->data(Qt::UserRole).toString());
        else
            every = false;
    }
    if (every)
        request.only.clear();  // "every benchmark" stays true as the catalog grows
    for (int i = 0; i < m_runtimes->count(); ++i) {
        const QListWidgetItem *item = m_runtimes->item(i);
        if (item->checkState() == Qt::Checked)
            request.runtimes.append(m_runtimeList.at(item->data(Qt::UserRole).toInt()));
    }
    return request;
}

void RunDialog::validate()
{
    const RunRequest chosen = request();
    QString problem;
    if (!m_inventory.catalog())
        problem = m_problem->text();
    else if (std::none_of(chosen.runtimes.begin(), chosen.runtimes.end(), [](const RuntimeInfo &r) { return r.family == RuntimeFamily::JavaScript; }))
        problem = tr("Check a JavaScript runtime (node, bun or deno): every result compares JavaScript with Python.");
    else if (std::none_of(chosen.runtimes.begin(), chosen.runtimes.end(), [](const RuntimeInfo &r) { return r.family == RuntimeFamily::Python; }))
        problem = tr("Check a Python runtime (CPython or PyPy): every result compares JavaScript with Python.");
    else if (chosen.only.isEmpty() && m_benchmarks->count() > 0 && m_benchmarks->item(0)->checkState() != Qt::Checked)
        problem = tr("Check at least one benchmark.");
    m_problem->setText(problem);
    if (auto *buttons = findChild<QDialogButtonBox *>())
        buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace showdown
