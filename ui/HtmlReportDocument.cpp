#include "HtmlReportDocument.h"

#include "ChartDescription.h"

#include <QChart>
#include <QFile>
#include <QIODevice>
#include <QJsonDocument>
#include <QRegularExpression>

#include <memory>

namespace showdown {
namespace {

QString escape(const QString &text)
{
    return text.toHtmlEscaped();
}

/// The page's stylesheet or script, compiled in from ui/report/.
QString asset(const QString &name)
{
    QFile file(QStringLiteral(":/report/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/// JSON inside a <script> element: "<" only occurs in strings, where \u003c means the same and no "</script>"
/// or "<!--" in a label can end the element early.
QString scriptJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)).replace(QLatin1Char('<'), QLatin1String("\\u003c"));
}

} // namespace

HtmlReportDocument::HtmlReportDocument(QIODevice *device, const QString &title) : m_device(device), m_title(title) {}

void HtmlReportDocument::setHeader(const QString &left, const QString &right)
{
    m_headerLeft = left;
    m_headerRight = right;
}

void HtmlReportDocument::titlePage(const QString &title, const QString &subtitle, const QList<QStringList> &facts, const QString &warning)
{
    QString html = QStringLiteral("<section class=\"title-page\"><div class=\"stripe\"></div><h1>%1</h1><p class=\"subtitle\">%2</p>")
                       .arg(escape(title), escape(subtitle));
    if (!warning.isEmpty())
        html += QStringLiteral("<p class=\"warning\">%1</p>").arg(escape(warning));
    m_blocks.append(html + QStringLiteral("</section>"));
    table({QObject::tr("Item"), QObject::tr("Value")}, facts, {0.28, 0.72});
}

void HtmlReportDocument::contents()
{
    m_contentsBlock = m_blocks.size();
    m_blocks.append(QString());
}

void HtmlReportDocument::pageBreak()
{
    // Paper only: on screen the sections simply follow each other.
}

void HtmlReportDocument::heading(const QString &text, int level)
{
    if (level == 1) {
        const QString anchor = QStringLiteral("section-%1").arg(m_sections.size() + 1);
        m_sections.append({anchor, text});
        m_blocks.append(QStringLiteral("<h2 id=\"%1\">%2</h2>").arg(anchor, escape(text)));
    } else {
        m_blocks.append(QStringLiteral("<h3>%1</h3>").arg(escape(text)));
    }
}

void HtmlReportDocument::paragraph(const QString &text)
{
    m_blocks.append(QStringLiteral("<p>%1</p>").arg(escape(text)));
}

void HtmlReportDocument::note(const QString &text)
{
    m_blocks.append(QStringLiteral("<p class=\"note\">%1</p>").arg(escape(text)));
}

void HtmlReportDocument::table(const QStringList &headers, const QList<QStringList> &rows, const QList<qreal> &, const QList<int> &numeric)
{
    // Column widths are the paper's: a browser sizes columns to their text and the window.
    QString html = QStringLiteral("<div class=\"table\"><table class=\"sortable\"><thead><tr>");
    for (qsizetype c = 0; c < headers.size(); ++c)
        html += QStringLiteral("<th%1 title=\"%2\">%3</th>")
                    .arg(numeric.contains(int(c)) ? QStringLiteral(" class=\"num\"") : QString(), QObject::tr("Sort by this column"), escape(headers.at(c)));
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QStringList &row : rows) {
        html += QStringLiteral("<tr>");
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (numeric.contains(int(c))) {
                // Numeric columns sort by the value, not by the text ("9.5 ms" before "12.1 ms", "1.2 s" after both).
                const std::optional<double> value = sortValue(row.at(c));
                html += QStringLiteral("<td class=\"num\"%1>%2</td>")
                            .arg(value ? QStringLiteral(" data-sort=\"%1\"").arg(*value, 0, 'g', 17) : QString(), escape(row.at(c)));
            } else {
                html += QStringLiteral("<td>%1</td>").arg(escape(row.at(c)));
            }
        }
        html += QStringLiteral("</tr>");
    }
    m_blocks.append(html + QStringLiteral("</tbody></table></div>"));
}

void HtmlReportDocument::chart(const std::function<QChart *()> &make, qreal height, const QString &missing)
{
    const std::unique_ptr<QChart> chart(make());
    if (!chart) {
        m_blocks.append(QStringLiteral("<p class=\"missing\">%1</p>").arg(escape(missing)));
        return;
    }
    QJsonObject description = ChartDescription::describe(*chart);
    description.insert(QStringLiteral("height"), height);
    ++m_charts;
    m_blocks.append(QStringLiteral("<figure class=\"chart\" id=\"chart-%1\"><script type=\"application/json\">%2</script>"
                                   "<noscript><p class=\"missing\">%3</p></noscript></figure>")
                        .arg(m_charts)
                        .arg(scriptJson(description), escape(QObject::tr("%1 (the chart is drawn by the page's script)").arg(chart->title()))));
}

bool HtmlReportDocument::finish(QString *error)
{
    if (m_contentsBlock >= 0) {
        QString list = QStringLiteral("<nav class=\"contents\"><h2>%1</h2><ol>").arg(escape(QObject::tr("Contents")));
        for (const auto &[anchor, text] : std::as_const(m_sections))
            list += QStringLiteral("<li><a href=\"#%1\">%2</a></li>").arg(anchor, escape(text));
        m_blocks[m_contentsBlock] = list + QStringLiteral("</ol></nav>");
    }
    const QString css = asset(QStringLiteral("report.css"));
    const QString script = asset(QStringLiteral("report.js"));
    if (css.isEmpty() || script.isEmpty()) {
        *error = QObject::tr("the HTML report's stylesheet or script is missing from this build (ui/CMakeLists.txt compiles them in)");
        return false;
    }
    const QString page =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       // Nothing may be fetched: no script, style, image, font or frame from anywhere but this file.
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                       "script-src 'unsafe-inline'; img-src data:\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"generator\" content=\"Showdown %1\">\n<title>%2</title>\n<style>\n%3</style>\n</head>\n<body>\n"
                       "<header class=\"running\"><span>%4</span><span>%5</span></header>\n<main>\n%6\n</main>\n"
                       "<div id=\"tip\" class=\"tip\" role=\"tooltip\" hidden></div>\n<script>\n%7</script>\n</body>\n</html>\n")
            .arg(QStringLiteral(SHOWDOWN_VERSION), escape(m_title), css, escape(m_headerLeft), escape(m_headerRight),
                 m_blocks.join(QLatin1Char('\n')), script);
    const QByteArray bytes = page.toUtf8();
    if (m_device->write(bytes) != bytes.size()) {
        *error = QObject::tr("cannot write the HTML report (%1)").arg(m_device->errorString());
        return false;
    }
    return true;
}

std::optional<double> HtmlReportDocument::sortValue(const QString &text)
{
    // A number with thousands separators and an optional unit right after it; "< 0.001" sorts just below 0.001.
    static const QRegularExpression pattern(QStringLiteral("^\\s*([<>]\\s*)?(-?[0-9][0-9,\\x{202F}\\x{00A0}]*(?:\\.[0-9]+)?)\\s*(min|ms|µs|ns|s|MB|%|×)?(?![A-Za-z])"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    QString digits = match.captured(2);
    digits.remove(QLatin1Char(',')).remove(QChar(0x202F)).remove(QChar(0x00A0));
    bool ok = false;
    double value = digits.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    static const QMap<QString, double> scale{{QStringLiteral("min"), 60e9}, {QStringLiteral("s"), 1e9}, {QStringLiteral("ms"), 1e6},
                                             {QStringLiteral("µs"), 1e3}, {QStringLiteral("ns"), 1}};
    value *= scale.value(match.captured(3), 1);
    const QString bound = match.captured(1).trimmed();
    if (bound == QLatin1String("<"))
        value = std::nextafter(value, -INFINITY);
    else if (bound == QLatin1String(">"))
        value = std::nextafter(value, INFINITY);
    return value;
}

} // namespace showdown
