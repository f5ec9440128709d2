#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace showdown {

/// Where each value of a JSON text starts, by path (`benchmarks[1].requests[0].status`), so a file a person
/// wrote can be criticised line by line: QJsonDocument keeps no positions. Also finds what QJsonDocument
/// silently accepts: a key given twice in one object (the later one would win unseen).
class JsonLineMap {
public:
    /// Scans `text`, which QJsonDocument has already accepted (the scan does not re-validate it).
    explicit JsonLineMap(const QByteArray &text);

    /// The 1-based line of the value at `path` (of its key, for a member), or of the nearest enclosing
    /// value that has one; 1 for the document itself.
    [[nodiscard]] int line(const QString &path) const;
    /// A member whose key appeared earlier in the same object.
    struct Duplicate {
        QString path;
        int line = 1;  ///< of the later key
    };
    /// Every such member, in file order.
    [[nodiscard]] const QList<Duplicate> &duplicateKeys() const { return m_duplicates; }
    /// The 1-based line of a byte offset (QJsonParseError::offset).
    [[nodiscard]] static int lineOfOffset(const QByteArray &text, qsizetype offset);

    /// `parent.key` or `key` at the top: the one spelling of a member's path.
    [[nodiscard]] static QString member(const QString &parent, const QString &key);
    /// `parent[index]`.
    [[nodiscard]] static QString element(const QString &parent, qsizetype index);

private:
    void value(const QString &path);
    void skipSpace();
    [[nodiscard]] QString string();

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    QHash<QString, int> m_lines;
    QList<Duplicate> m_duplicates;
};

} // namespace showdown
