#include "DatabaseReference.h"

#include <QStringList>
#include <QUrl>

namespace showdown {
namespace {

const QStringList kSchemes = {QStringLiteral("postgresql://"), QStringLiteral("postgres://")};

/// The libpq parameters a team store may be given; anything else (a typo, or `password`) is refused where it enters.
const QStringList kParameters = {QStringLiteral("sslmode"),         QStringLiteral("sslrootcert"),     QStringLiteral("sslcert"),
                                 QStringLiteral("sslkey"),          QStringLiteral("sslcrl"),          QStringLiteral("connect_timeout"),
                                 QStringLiteral("application_name"), QStringLiteral("passfile"),       QStringLiteral("host"),
                                 QStringLiteral("port"),            QStringLiteral("user"),            QStringLiteral("target_session_attrs")};
const QStringList kSslModes = {QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
                               QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

QString passwordAdvice()
{
    return QStringLiteral("a password on the command line is visible to every user of this machine (ps); remove it from the "
                          "URL and put it in ~/.pgpass (HOST:PORT:DBNAME:USER:PASSWORD, chmod 600) or the PGPASSWORD "
                          "environment variable, which PostgreSQL's client library reads itself");
}

bool parsePort(const QString &text, int *port)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > 65535)
        return false;
    *port = value;
    return true;
}

} // namespace

bool DatabaseReference::isServerUrl(const QString &text)
{
    return std::any_of(kSchemes.begin(), kSchemes.end(), [&](const QString &scheme) { return text.startsWith(scheme, Qt::CaseInsensitive); });
}

std::optional<DatabaseReference> DatabaseReference::parse(const QString &text, QString *error)
{
    DatabaseReference reference;
    if (!isServerUrl(text)) {
        if (text.contains(QLatin1String("://"))) {
            *error = QStringLiteral("\"%1\" is neither a file nor a PostgreSQL URL; a team store is named "
                                    "postgresql://USER@HOST:PORT/DBNAME?sslmode=verify-full")
                         .arg(text);
            return std::nullopt;
        }
        reference.path = text;
        return reference;
    }
    reference.backend = Backend::Postgres;
    const auto usage = [&](const QString &problem) {
        *error = QStringLiteral("%1 (a team store is named postgresql://USER@HOST:PORT/DBNAME?sslmode=verify-full; a Unix socket "
                                "as postgresql://USER@%2Fsocket%2Fdir/DBNAME or ...?host=/socket/dir)")
                     .arg(problem);
        return std::nullopt;
    };
    // Parsed by hand rather than by QUrl: libpq's URLs allow a percent-encoded socket directory as the host,
    // which QUrl rejects, and every part must be checked for what may not be there (a password).
    QString rest = text.mid(text.indexOf(QLatin1String("://")) + 3);
    QString query;
    if (const qsizetype mark = rest.indexOf(QLatin1Char('?')); mark >= 0) {
        query = rest.mid(mark + 1);
        rest.truncate(mark);
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    QString authority = slash >= 0 ? rest.left(slash) : rest;
    reference.database = QUrl::fromPercentEncoding(slash >= 0 ? rest.mid(slash + 1).toUtf8() : QByteArray());
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QString userInfo = authority.left(at);
        authority = authority.mid(at + 1);
        if (userInfo.contains(QLatin1Char(':'))) {
            *error = QStringLiteral("the team store URL holds a password; %1").arg(passwordAdvice());
            return std::nullopt;
        }
        reference.user = QUrl::fromPercentEncoding(userInfo.toUtf8());
    }
    // host[:port], where a host may be [an:IPv6:address]
    QString hostPart = authority;
    if (const qsizetype colon = authority.lastIndexOf(QLatin1Char(':')); colon >= 0 && !authority.mid(colon).contains(QLatin1Char(']'))) {
        hostPart = authority.left(colon);
        if (!parsePort(authority.mid(colon + 1), &reference.port))
            return usage(QStringLiteral("\"%1\" is not a port (1 to 65535)").arg(authority.mid(colon + 1)));
    }
    if (hostPart.startsWith(QLatin1Char('[')) && hostPart.endsWith(QLatin1Char(']')))
        hostPart = hostPart.mid(1, hostPart.size() - 2);
    reference.host = QUrl::fromPercentEncoding(hostPart.toUtf8());

    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        const QString key = QUrl::fromPercentEncoding((equals >= 0 ? pair.left(equals) : pair).toUtf8());
        const QString value = QUrl::fromPercentEncoding((equals >= 0 ? pair.mid(equals + 1) : QString()).toUtf8());
        if (key == QLatin1String("password")) {
            *error = QStringLiteral("the team store URL holds a password parameter; %1").arg(passwordAdvice());
            return std::nullopt;
        }
        if (!kParameters.contains(key))
            return usage(QStringLiteral("unknown parameter \"%1\" in the team store URL; known: %2").arg(key, kParameters.join(QStringLiteral(", "))));
        if (value.isEmpty() || value.contains(QLatin1Char(';')) || value.contains(QLatin1Char('\'')) || value.contains(QLatin1Char('\\')))
            return usage(QStringLiteral("parameter %1 needs a value without ; ' or \\").arg(key));
        if (key == QLatin1String("sslmode") && !kSslModes.contains(value))
            return usage(QStringLiteral("sslmode \"%1\" is not one of %2").arg(value, kSslModes.join(QStringLiteral(", "))));
        if (key == QLatin1String("connect_timeout") && (value.toInt() < 1 || QString::number(value.toInt()) != value))
            return usage(QStringLiteral("connect_timeout needs a whole number of seconds, not \"%1\"").arg(value));
        // host, port and user may come as parameters too (libpq's way to name a socket directory): they fill the fields.
        if (key == QLatin1String("host"))
            reference.host = value;
        else if (key == QLatin1String("user"))
            reference.user = value;
        else if (key == QLatin1String("port") && !parsePort(value, &reference.port))
            return usage(QStringLiteral("\"%1\" is not a port (1 to 65535)").arg(value));
        else if (key != QLatin1String("host") && key != QLatin1String("user") && key != QLatin1String("port"))
            reference.parameters.insert(key, value);
    }
    if (reference.database.isEmpty() || reference.database.contains(QLatin1Char('/')))
        return usage(QStringLiteral("the team store URL names no database"));
    return reference;
}

QString DatabaseReference::display() const
{
    if (!isServer())
        return path;
    QString url = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        url += QString::fromUtf8(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    if (!host.startsWith(QLatin1Char('/')))
        url += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port > 0 && !host.startsWith(QLatin1Char('/')))
        url += QLatin1Char(':') + QString::number(port);
    url += QLatin1Char('/') + QString::fromUtf8(QUrl::toPercentEncoding(database));
    QStringList query;
    if (host.startsWith(QLatin1Char('/'))) {
        query.append(QStringLiteral("host=") + host);
        if (port > 0)
            query.append(QStringLiteral("port=%1").arg(port));
    }
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        query.append(it.key() + QLatin1Char('=') + it.value());
    return query.isEmpty() ? url : url + QLatin1Char('?') + query.join(QLatin1Char('&'));
}

QString DatabaseReference::connectOptions() const
{
    QStringList options;
    // QPSQL turns ';' into spaces and passes the rest to libpq as is: values are quoted for libpq here
    // (parse() refused the characters that could break out of the quotes).
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        options.append(QStringLiteral("%1='%2'").arg(it.key(), it.value()));
    return options.join(QLatin1Char(';'));
}

} // namespace showdown
