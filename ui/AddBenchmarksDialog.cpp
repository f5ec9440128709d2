#include "AddBenchmarksDialog.h"

#include "BenchmarkFormDialog.h"
#include "CommandOutput.h"
#include "DataTable.h"
#include "UserCheckTableModel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace showdown {

AddBenchmarksDialog::AddBenchmarksDialog(const RunRequest &base, std::function<void(const QString &)> reportError, QWidget *parent)
    : QDialog(parent), m_base(base), m_reportError(std::move(reportError))
{
    setWindowTitle(tr("Add your own benchmarks"));
    m_check = new CommandOutput(this);
    connect(m_check, &CommandOutput::finished, this, &AddBenchmarksDialog::onChecked);
    m_model = new UserCheckTableModel(this);

    auto *intro = new QLabel(tr("A definition file (showdown.json) names your own programs or servers, one command per language. "
                                "It is checked first: each benchmark runs once on each runtime, and nothing is measured unless "
                                "every one passes. The format: resources/benchmarks/USER_BENCHMARKS.md; an example: "
                                "resources/examples/cpu-pair."));
    intro->setWordWrap(true);
    m_pathEdit = new QLineEdit;
    m_pathEdit->setReadOnly(true);
    m_pathEdit->setPlaceholderText(tr("No definition file chosen yet"));
    auto *openFile = new QPushButton(tr("Open &file…"));
    auto *openFolder = new QPushButton(tr("Open f&older…"));
    auto *write = new QPushButton(tr("&Write one…"));
    m_recheck = new QPushButton(tr("Check &again"));
    m_recheck->setEnabled(false);
    connect(openFile, &QPushButton::clicked, this, &AddBenchmarksDialog::chooseFile);
    connect(openFolder, &QPushButton::clicked, this, &AddBenchmarksDialog::chooseFolder);
    connect(write, &QPushButton::clicked, this, &AddBenchmarksDialog::writeFile);
    connect(m_recheck, &QPushButton::clicked, this, [this] { checkFile(m_path); });
    auto *source = new QHBoxLayout;
    source->addWidget(m_pathEdit, 1);
    source->addWidget(openFile);
    source->addWidget(openFolder);
    source->addWidget(write);
    source->addWidget(m_recheck);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *table = new DataTable(m_model);
    table->view()->horizontalHeader()->setStretchLastSection(true);
    table->view()->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_runButton = m_buttons->addButton(tr("&Run"), QDialogButtonBox::AcceptRole);
    m_runButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_runButton->setEnabled(false);
    m_runButton->setToolTip(tr("Measure these benchmarks on node and Python, as a suite run does; offered once the check passed"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(source);
    layout->addWidget(m_status);
    layout->addWidget(table, 1);
    layout->addWidget(m_buttons);
    resize(900, 480);
}

RunRequest AddBenchmarksDialog::request() const
{
    RunRequest request = m_base;
    request.benchmarks = m_path;
    request.only.clear();  // the file's benchmarks, all of them: the check passed them all
    return request;
}

QString AddBenchmarksDialog::statusText() const
{
    return m_status->text();
}

void AddBenchmarksDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a definition file"), m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).absolutePath(),
                                                      tr("Definition files (*.json);;All files (*)"));
    if (!path.isEmpty())
        checkFile(path);
}

void AddBenchmarksDialog::chooseFolder()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open a folder holding showdown.json"),
                                                           m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).absolutePath());
    if (!path.isEmpty())
        checkFile(path);
}

void AddBenchmarksDialog::writeFile()
{
    auto *form = new BenchmarkFormDialog(this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &BenchmarkFormDialog::saved, this, &AddBenchmarksDialog::checkFile);
    connect(form, &BenchmarkFormDialog::saveFailed, this, &AddBenchmarksDialog::showError);
    form->open();
}

void AddBenchmarksDialog::checkFile(const QString &path)
{
    // One check at a time: an answer must never be shown under another file's name.
    if (m_check->running())
        return showError(tr("%1 is still being checked; wait for its answer, then choose another file.").arg(m_path));
    m_path = QFileInfo(path).absoluteFilePath();
    m_pathEdit->setText(QDir::toNativeSeparators(m_path));
    m_report.reset();
    m_model->setRows({});
    m_runButton->setEnabled(false);
    if (!QFileInfo::exists(m_path))
        return showError(tr("%1 does not exist; choose a definition file, or a folder holding showdown.json.").arg(m_path));
    QString error;
    if (!m_check->start(UserCheckReport::arguments(m_path, m_base.runtimeArguments()), &error))
        return showError(error);
    m_recheck->setEnabled(false);
    m_status->setText(tr("Checking %1: each benchmark runs once on each runtime…").arg(m_path));
}

void AddBenchmarksDialog::onChecked(int exitCode, const QByteArray &output, const QString &problem)
{
    m_recheck->setEnabled(true);
    // Exit 0 is a pass and 1 a failure, both with the JSON answer; anything else (a crash, a usage error) has no answer.
    if (exitCode != 0 && exitCode != 1)
        return showError(tr("The check of %1 could not run: %2").arg(m_path, problem.isEmpty() ? tr("no reason given") : problem));
    QString error;
    const std::optional<UserCheckReport> report = UserCheckReport::fromJson(output, &error);
    if (!report)
        return showError(tr("The check of %1 gave no usable answer: %2 %3").arg(m_path, error, problem));
    showReport(*report);
}

void AddBenchmarksDialog::showReport(const UserCheckReport &report)
{
    m_report = report;
    m_model->setRows(UserCheckLine::of(report));
    // A file that cannot be read at all (missing, not JSON) is bad input, said where every error is said;
    // mistakes within a readable file are the table's business.
    for (const DefinitionProblem &problem : report.problems) {
        if (problem.field.isEmpty())
            m_reportError(tr("The definition file cannot be used: %1").arg(problem.text()));
    }
    m_runButton->setEnabled(report.runnable());
    if (!report.problems.isEmpty()) {
        m_status->setText(tr("%n problem(s) in %1; nothing was run. Fix the file and check again.", "", int(report.problems.size())).arg(report.file));
    } else if (report.runnable()) {
        m_status->setText(tr("Passed: %n benchmark(s) ran once on each runtime and gave the expected answer. Press Run to measure them.", "",
                             int(report.benchmarks.size())));
    } else {
        const auto failed = std::count_if(report.benchmarks.begin(), report.benchmarks.end(), [](const UserCheckResult &r) { return !r.passed; });
        m_status->setText(report.benchmarks.isEmpty() ? tr("%1 defines no benchmark; nothing to run.").arg(report.file)
                                                      : tr("%1 of %n benchmark(s) failed its check; nothing can run until every one passes. "
                                                           "The reasons are below.", "", int(report.benchmarks.size())).arg(failed));
    }
    emit checkEnded();
}

void AddBenchmarksDialog::showError(const QString &message)
{
    m_status->setText(message);
    m_runButton->setEnabled(false);
    m_reportError(message);
    emit checkEnded();
}

} // namespace showdown
