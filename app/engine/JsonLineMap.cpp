#include "JsonLineMap.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSet>

namespace showdown {

JsonLineMap::JsonLineMap(const QByteArray &text) : m_text(text)
{
    skipSpace();
    value(QString());
}

int JsonLineMap::lineOfOffset(const QByteArray &text, qsizetype offset)
{
    return int(text.left(offset).count('\n')) + 1;
}

QString JsonLineMap::member(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString JsonLineMap::element(const QString &parent, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(parent).arg(index);
}

int JsonLineMap::line(const QString &path) const
{
    // A value that is missing is reported at its object: strip `.key` or `[i]` until a known path remains.
    QString current = path;
    while (!current.isEmpty()) {
        if (const auto found = m_lines.constFind(current); found != m_lines.constEnd())
            return *found;
        const qsizetype cut = std::max(current.lastIndexOf(QLatin1Char('.')), current.lastIndexOf(QLatin1Char('[')));
        current = cut > 0 ? current.left(cut) : QString();
    }
    return 1;
}

void JsonLineMap::skipSpace()
{
    while (m_pos < m_text.size()) {
        const char c = m_text.at(m_pos);
        if (c == '\n')
            ++m_line;
        else if (c != ' ' && c != '\t' && c != '\r')
            return;
        ++m_pos;
    }
}

QString JsonLineMap::string()
{
    // At the opening quote: find the closing one (skipping escapes) and let QJsonDocument decode the escapes.
    const qsizetype start = m_pos++;
    while (m_pos < m_text.size() && m_text.at(m_pos) != '"')
        m_pos += m_text.at(m_pos) == '\\' ? 2 : 1;
    ++m_pos;
    const QByteArray literal = m_text.mid(start, m_pos - start);
    return QJsonDocument::fromJson("[" + literal + "]").array().at(0).toString();
}

void JsonLineMap::value(const QString &path)
{
    if (!m_lines.contains(path))
        m_lines.insert(path, m_line);
    if (m_pos >= m_text.size())
        return;
    const char c = m_text.at(m_pos);
    if (c == '{') {
        ++m_pos;
        QSet<QString> seen;
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text.at(m_pos) == '}') {
                ++m_pos;
                return;
            }
            if (m_text.at(m_pos) == ',') {
                ++m_pos;
                continue;
            }
            const int keyLine = m_line;
            const QString key = string();
            const QString child = member(path, key);
            if (seen.contains(key))
                m_duplicates.append(Duplicate{child, keyLine});
            else
                m_lines.insert(child, keyLine);
            seen.insert(key);
            skipSpace();
            ++m_pos;  // the colon
            skipSpace();
            value(child);
        }
    }
    if (c == '[') {
        ++m_pos;
        qsizetype index = 0;
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text.at(m_pos) == ']') {
                ++m_pos;
                return;
            }
            if (m_text.at(m_pos) == ',') {
                ++m_pos;
                continue;
            }
            value(element(path, index++));
        }
    }
    if (c == '"') {
        string();
        return;
    }
    // A number, true, false or null: up to the next delimiter.
    while (m_pos < m_text.size() && !QByteArrayView(",]} \t\r\n").contains(m_text.at(m_pos)))
        ++m_pos;
}

} // namespace showdown
