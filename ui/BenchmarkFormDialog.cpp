#include "BenchmarkFormDialog.h"

#include "BenchmarkCategory.h"
#include "BenchmarkDefinitionFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace showdown {
namespace {

/// An argument vector as typed: split like a shell would split it (quotes keep spaces), but never run by one.
QJsonArray argumentVector(const QString &text)
{
    return QJsonArray::fromStringList(QProcess::splitCommand(text));
}

/// Writes `bytes` to `path` whole or not at all; the error, empty on success.
QString writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return QObject::tr("Cannot write %1 (%2); choose a folder you can write to.").arg(path, file.errorString());
    return {};
}

} // namespace

BenchmarkFormDialog::BenchmarkFormDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Write a definition file"));

    m_name = new QLineEdit;
    m_name->setPlaceholderText(tr("e.g. primes"));
    m_category = new QComboBox;
    m_category->addItems(BenchmarkCategory::names());
    m_category->setCurrentText(BenchmarkCategory{BenchmarkCategory::Cpu}.name());
    m_form = new QComboBox;
    m_form->addItem(tr("Program: timed as a whole process"), QStringLiteral("program"));
    m_form->addItem(tr("Server: loaded with HTTP requests"), QStringLiteral("server"));
    m_description = new QLineEdit;
    m_description->setPlaceholderText(tr("What it does, in a sentence (optional)"));
    m_javascript = new QLineEdit(QStringLiteral("{runtime} main.js"));
    m_python = new QLineEdit(QStringLiteral("{runtime} main.py"));
    const QString commandTip = tr("The argument vector, split as a shell would split it but never run by one. {runtime} comes first and "
                                  "becomes the interpreter; {size} is the size below; a server listens on {port}. Paths are relative to "
                                  "the folder the file is saved in.");
    m_javascript->setToolTip(commandTip);
    m_python->setToolTip(commandTip);

    m_size = new QSpinBox;
    m_size->setRange(0, 2000000000);
    m_size->setSpecialValueText(tr("none"));
    m_size->setToolTip(tr("The value of {size} in the commands; none when they have no {size}"));
    m_expectedOutput = new QLineEdit;
    m_expectedOutput->setPlaceholderText(tr("Exact output (optional): without it, the runtimes must agree with each other"));
    m_newline = new QCheckBox(tr("followed by a newline (as print() and console.log() write)"));
    m_newline->setChecked(true);
    auto *program = new QWidget;
    auto *programLayout = new QFormLayout(program);
    programLayout->setContentsMargins(0, 0, 0, 0);  // aligned with the fields above
    programLayout->addRow(tr("Size:"), m_size);
    programLayout->addRow(tr("Expected output:"), m_expectedOutput);
    programLayout->addRow(QString(), m_newline);

    m_readyKind = new QComboBox;
    m_readyKind->addItem(tr("a line on stdout matching"), QStringLiteral("stdout"));
    m_readyKind->addItem(tr("a URL that answers"), QStringLiteral("url"));
    m_ready = new QLineEdit(QStringLiteral("/health"));
    m_readyKind->setCurrentIndex(1);
    m_method = new QComboBox;
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE")});
    m_path = new QLineEdit(QStringLiteral("/"));
    m_status = new QSpinBox;
    m_status->setRange(100, 599);
    m_status->setValue(200);
    m_body = new QPlainTextEdit;
    m_body->setPlaceholderText(tr("Request body (optional); sent with Content-Type: application/json"));
    m_body->setMaximumHeight(70);
    m_expectedBody = new QLineEdit;
    m_expectedBody->setPlaceholderText(tr("Exact response body (optional): without it, the runtimes must agree"));
    auto *server = new QWidget;
    auto *serverLayout = new QFormLayout(server);
    serverLayout->setContentsMargins(0, 0, 0, 0);
    auto *ready = new QHBoxLayout;
    ready->addWidget(m_readyKind);
    ready->addWidget(m_ready, 1);
    serverLayout->addRow(tr("Ready when:"), ready);
    auto *request = new QHBoxLayout;
    request->addWidget(m_method);
    request->addWidget(m_path, 1);
    serverLayout->addRow(tr("Request:"), request);
    serverLayout->addRow(tr("Body:"), m_body);
    serverLayout->addRow(tr("Expected status:"), m_status);
    serverLayout->addRow(tr("Expected body:"), m_expectedBody);

    m_formFields = new QStackedWidget;
    m_formFields->addWidget(program);
    m_formFields->addWidget(server);
    connect(m_form, &QComboBox::currentIndexChanged, m_formFields, &QStackedWidget::setCurrentIndex);
    connect(m_form, &QComboBox::currentIndexChanged, this, [this](int index) {
        // A server needs its port; offer the placeholder rather than a command that the check will refuse.
        for (QLineEdit *edit : {m_javascript, m_python}) {
            if (index == 1 && !edit->text().contains(QLatin1String("{port}")))
                edit->setText(edit->text() + QStringLiteral(" {port}"));
        }
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Category:"), m_category);
    form->addRow(tr("Form:"), m_form);
    form->addRow(tr("Description:"), m_description);
    form->addRow(tr("JavaScript command:"), m_javascript);
    form->addRow(tr("Python command:"), m_python);

    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save and check…"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BenchmarkFormDialog::chooseFile);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &BenchmarkFormDialog::saved, this, &QDialog::accept);
    connect(this, &BenchmarkFormDialog::saveFailed, this, &BenchmarkFormDialog::showError);

    auto *hint = new QLabel(tr("Save the file in the folder that holds your programs: the commands run there. "
                               "The format is described in resources/benchmarks/USER_BENCHMARKS.md."));
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_formFields);
    layout->addWidget(hint);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(640, sizeHint().height());
}

QJsonObject BenchmarkFormDialog::benchmark() const
{
    const bool server = m_form->currentData().toString() == QLatin1String("server");
    QJsonObject entry{{QStringLiteral("name"), m_name->text().trimmed()},
                      {QStringLiteral("category"), m_category->currentText()},
                      {QStringLiteral("form"), m_form->currentData().toString()},
                      {QStringLiteral("commands"), QJsonObject{{QStringLiteral("javascript"), argumentVector(m_javascript->text())},
                                                               {QStringLiteral("python"), argumentVector(m_python->text())}}}};
    if (!m_description->text().trimmed().isEmpty())
        entry.insert(QStringLiteral("description"), m_description->text().trimmed());
    if (!server) {
        if (m_size->value() > 0)
            entry.insert(QStringLiteral("size"), m_size->value());
        if (!m_expectedOutput->text().isEmpty())
            entry.insert(QStringLiteral("expected_output"), m_expectedOutput->text() + (m_newline->isChecked() ? QStringLiteral("\n") : QString()));
        return entry;
    }
    entry.insert(QStringLiteral("ready"), QJsonObject{{m_readyKind->currentData().toString(), m_ready->text().trimmed()}});
    QJsonObject request{{QStringLiteral("method"), m_method->currentText()},
                        {QStringLiteral("path"), m_path->text().trimmed()},
                        {QStringLiteral("status"), m_status->value()}};
    if (!m_body->toPlainText().isEmpty()) {
        request.insert(QStringLiteral("body"), m_body->toPlainText());
        request.insert(QStringLiteral("headers"), QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}});
    }
    if (!m_expectedBody->text().isEmpty())
        request.insert(QStringLiteral("expected_body"), m_expectedBody->text());
    entry.insert(QStringLiteral("requests"), QJsonArray{request});
    return entry;
}

QJsonObject BenchmarkFormDialog::definition() const
{
    return QJsonObject{{QStringLiteral("showdown_benchmarks"), BenchmarkDefinitionFile::kVersion},
                       {QStringLiteral("benchmarks"), QJsonArray{benchmark()}}};
}

void BenchmarkFormDialog::chooseFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the definition file"),
                                                      QDir::home().filePath(QString::fromLatin1(BenchmarkDefinitionFile::kDefaultName)),
                                                      tr("Definition files (*.json);;All files (*)"));
    if (!path.isEmpty())
        saveTo(path);
}

void BenchmarkFormDialog::saveTo(const QString &path)
{
    m_buttons->setEnabled(false);
    m_problem->hide();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_buttons->setEnabled(true);
        const QString error = watcher->result();
        if (error.isEmpty())
            emit saved(path);
        else
            emit saveFailed(error);
    });
    watcher->setFuture(QtConcurrent::run(writeFile, path, QJsonDocument(definition()).toJson(QJsonDocument::Indented)));
}

void BenchmarkFormDialog::showError(const QString &message)
{
    m_problem->setText(message);
    m_problem->show();
}

} // namespace showdown
