#include "RuntimeDiscovery.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QVersionNumber>

#include <algorithm>

namespace showdown {
namespace {

/// The kind a file name promises (node, bun, deno; python3.13t is cpython, pypy3.10 pypy); the probe has the last word.
std::optional<RuntimeKind> kindByFileName(const QString &fileName)
{
    for (const RuntimeKind &kind : RuntimeKind::all()) {
        for (const QString &executable : kind.executableNames()) {
            if (fileName == executable || fileName.startsWith(executable + QLatin1Char('.')))
                return kind;
        }
    }
    return std::nullopt;
}

bool isExecutableFile(const QString &path)
{
    const QFileInfo file(path);
    return file.exists() && file.isFile() && file.isExecutable();
}

/// Subfolders of `dir`, newest version first (v22.12.0 before v20.1.0, 3.12.1 before 3.8.18).
QStringList versionFolders(const QString &dir)
{
    QStringList names = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    const auto version = [](const QString &name) {
        static const QRegularExpression digits(QStringLiteral("\\d+(\\.\\d+)*"));
        return QVersionNumber::fromString(digits.match(name).captured(0));
    };
    std::stable_sort(names.begin(), names.end(), [&](const QString &a, const QString &b) {
        const int order = QVersionNumber::compare(version(a), version(b));
        return order != 0 ? order > 0 : a < b;
    });
    return names;
}

QString withoutV(const QString &version)
{
    return version.startsWith(QLatin1Char('v')) ? version.mid(1) : version;
}

} // namespace

struct RuntimeDiscovery::Found {
    QList<RuntimeCandidate> list;
    QSet<QString> files;  ///< canonical paths already listed: a link and its target are one runtime
    QSet<QString> names;

    /// Adds the executable at `path` unless it is missing or already listed; a taken name gets the origin
    /// appended (node-22.12.0-fnm), then a number.
    bool add(const QString &name, const QString &path, const QString &origin)
    {
        if (!isExecutableFile(path))
            return false;
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (files.contains(canonical))
            return false;
        const std::optional<RuntimeKind> kind = kindByFileName(QFileInfo(path).fileName());
        if (!kind)
            return false;
        RuntimeCandidate candidate;
        candidate.name = uniqueName(name, origin);
        candidate.path = QFileInfo(path).absoluteFilePath();
        candidate.family = kind->family();
        candidate.expected = kind;
        candidate.origin = origin;
        files.insert(canonical);
        names.insert(candidate.name);
        list.append(candidate);
        return true;
    }
    void addMissing(const QString &name, const QString &path, RuntimeKind kind)
    {
        RuntimeCandidate candidate;
        candidate.name = uniqueName(name, QStringLiteral("missing"));
        candidate.path = path;
        candidate.family = kind.family();
        candidate.expected = kind;
        candidate.missing = true;
        names.insert(candidate.name);
        list.append(candidate);
    }
    [[nodiscard]] bool hasKind(RuntimeKind kind) const
    {
        return std::any_of(list.begin(), list.end(), [&](const RuntimeCandidate &c) { return c.expected == kind; });
    }
    [[nodiscard]] QString uniqueName(const QString &name, const QString &origin) const
    {
        if (!names.contains(name))
            return name;
        const QString base = name + QLatin1Char('-') + origin;
        QString unique = base;
        for (int n = 2; names.contains(unique); ++n)
            unique = QStringLiteral("%1-%2").arg(base).arg(n);
        return unique;
    }
};

RuntimeDiscovery::RuntimeDiscovery(RuntimeSearchPlaces places) : m_places(std::move(places)) {}

QList<RuntimeCandidate> RuntimeDiscovery::candidates() const
{
    Found found;
    addDefaults(found);
    addSystemVersions(found);
    addNodeManagers(found);
    addPythonManagers(found);
    addShowdownData(found);
    // Runtimes Showdown can add are listed when absent, with how to add them (the window offers a button).
    if (!found.hasKind(RuntimeKind::PyPy))
        found.addMissing(QStringLiteral("pypy3"), {}, RuntimeKind::PyPy);
    if (!found.hasKind(RuntimeKind::Bun))
        found.addMissing(QStringLiteral("bun"), {}, RuntimeKind::Bun);
    if (!found.hasKind(RuntimeKind::Deno))
        found.addMissing(QStringLiteral("deno"), {}, RuntimeKind::Deno);
    return found.list;
}

QString RuntimeDiscovery::under(const QString &override, const QString &homeRelative) const
{
    return override.isEmpty() ? QDir(m_places.home).filePath(homeRelative) : override;
}

void RuntimeDiscovery::addDefaults(Found &found) const
{
    const auto onPath = [&](const QString &file) -> QString {
        for (const QString &dir : m_places.pathDirs) {
            const QString path = QDir(dir).filePath(file);
            if (isExecutableFile(path))
                return path;
        }
        return {};
    };
    if (!found.add(QStringLiteral("node"), onPath(QStringLiteral("node")), QStringLiteral("path")))
        found.addMissing(QStringLiteral("node"), {}, RuntimeKind::Node);
    // Debian's python3 is the preferred Python; python3 on PATH is often another (pyenv, a venv) and is
    // offered as python3-path when it is a different file.
    const QString debianPython = QStringLiteral("/usr/bin/python3");
    if (!found.add(QStringLiteral("python3"), debianPython, QStringLiteral("system")))
        found.addMissing(QStringLiteral("python3"), debianPython, RuntimeKind::CPython);
    found.add(QStringLiteral("python3-path"), onPath(QStringLiteral("python3")), QStringLiteral("path"));
    found.add(QStringLiteral("pypy3"), onPath(QStringLiteral("pypy3")), QStringLiteral("path"));
    found.add(QStringLiteral("bun"), onPath(QStringLiteral("bun")), QStringLiteral("path"));
    found.add(QStringLiteral("deno"), onPath(QStringLiteral("deno")), QStringLiteral("path"));
}

void RuntimeDiscovery::addSystemVersions(Found &found) const
{
    // python3.12, python3.13t, pypy3.10 … beside the system's python3. Shim folders (pyenv's, asdf's) hold
    // scripts that fail for any version not selected: their interpreters are found in the managers' folders.
    static const QRegularExpression versioned(QStringLiteral("^(python3\\.\\d+t?|pypy3\\.\\d+)$"));
    QStringList dirs = m_places.systemDirs + m_places.pathDirs;
    dirs.removeDuplicates();
    for (const QString &dir : dirs) {
        if (QFileInfo(dir).fileName() == QLatin1String("shims"))
            continue;
        for (const QString &file : QDir(dir).entryList(QDir::Files, QDir::Name)) {
            if (versioned.match(file).hasMatch())
                found.add(file, QDir(dir).filePath(file), QStringLiteral("system"));
        }
    }
}

void RuntimeDiscovery::addNodeManagers(Found &found) const
{
    struct Layout {
        QString origin, root, pattern;  ///< pattern: the path of node under one version's folder
    };
    const QList<Layout> layouts = {
        {QStringLiteral("nvm"), under(m_places.nvmDir, QStringLiteral(".nvm")) + QStringLiteral("/versions/node"), QStringLiteral("bin/node")},
        {QStringLiteral("fnm"), under(m_places.fnmDir, QStringLiteral(".local/share/fnm")) + QStringLiteral("/node-versions"),
         QStringLiteral("installation/bin/node")},
        {QStringLiteral("fnm"), QDir(m_places.home).filePath(QStringLiteral(".fnm/node-versions")), QStringLiteral("installation/bin/node")},
        {QStringLiteral("volta"), under(m_places.voltaHome, QStringLiteral(".volta")) + QStringLiteral("/tools/image/node"), QStringLiteral("bin/node")},
        {QStringLiteral("asdf"), under(m_places.asdfDataDir, QStringLiteral(".asdf")) + QStringLiteral("/installs/nodejs"), QStringLiteral("bin/node")},
    };
    for (const Layout &layout : layouts) {
        for (const QString &version : versionFolders(layout.root))
            found.add(QStringLiteral("node-") + withoutV(version), QDir(layout.root).filePath(version + QLatin1Char('/') + layout.pattern), layout.origin);
    }
}

void RuntimeDiscovery::addPythonManagers(Found &found) const
{
    const auto addFirst = [&](const QString &name, const QString &binDir, const QStringList &files, const QString &origin) {
        for (const QString &file : files) {
            if (found.add(name, QDir(binDir).filePath(file), origin) || isExecutableFile(QDir(binDir).filePath(file)))
                return;
        }
    };
    const QStringList pythonFiles = {QStringLiteral("python3"), QStringLiteral("python")};
    const QStringList pypyFiles = {QStringLiteral("pypy3"), QStringLiteral("pypy")};

    // pyenv: versions/<version>/bin; a pyenv-virtualenv environment is a link in versions/ to a folder inside a
    // version, whose interpreter is that version's: skipped.
    const QString pyenvVersions = under(m_places.pyenvRoot, QStringLiteral(".pyenv")) + QStringLiteral("/versions");
    for (const QString &version : versionFolders(pyenvVersions)) {
        const QString folder = QDir(pyenvVersions).filePath(version);
        if (QFileInfo(folder).isSymLink())
            continue;
        addFirst(QStringLiteral("pyenv-") + version, folder + QStringLiteral("/bin"),
                 version.startsWith(QLatin1String("pypy")) ? pypyFiles : pythonFiles, QStringLiteral("pyenv"));
    }

    // uv: python/<implementation>-<version>[+freethreaded]-<platform>; the name keeps implementation and version.
    const QString uvRoot = under(m_places.uvPythonDir, QStringLiteral(".local/share/uv/python"));
    for (const QString &install : versionFolders(uvRoot)) {
        const QString label = install.section(QLatin1Char('-'), 0, 1);
        addFirst(QStringLiteral("uv-") + label, QDir(uvRoot).filePath(install + QStringLiteral("/bin")),
                 install.startsWith(QLatin1String("pypy")) ? pypyFiles : pythonFiles, QStringLiteral("uv"));
    }

    const QString asdfPython = under(m_places.asdfDataDir, QStringLiteral(".asdf")) + QStringLiteral("/installs/python");
    for (const QString &version : versionFolders(asdfPython))
        addFirst(QStringLiteral("asdf-") + version, QDir(asdfPython).filePath(version + QStringLiteral("/bin")),
                 version.startsWith(QLatin1String("pypy")) ? pypyFiles : pythonFiles, QStringLiteral("asdf"));

    // conda: the base environment of each usual installation, then its named environments.
    for (const char *root : {"miniconda3", "anaconda3", "miniforge3", "mambaforge", "miniconda", "anaconda"}) {
        const QString base = QDir(m_places.home).filePath(QLatin1String(root));
        addFirst(QStringLiteral("conda-") + QLatin1String(root), base + QStringLiteral("/bin"), pythonFiles, QStringLiteral("conda"));
        const QString envs = base + QStringLiteral("/envs");
        for (const QString &env : QDir(envs).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            addFirst(QStringLiteral("conda-") + env, QDir(envs).filePath(env + QStringLiteral("/bin")), pythonFiles, QStringLiteral("conda"));
    }
}

void RuntimeDiscovery::addShowdownData(Found &found) const
{
    // What `showdown runtimes install` put in runtimes/<name>/bin: the folder's name is the runtime's.
    if (m_places.installedDir.isEmpty())
        return;
    const QDir root(m_places.installedDir);
    for (const QString &folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        for (const RuntimeKind kind : RuntimeKind::all()) {
            for (const QString &file : kind.executableNames())
                found.add(folder, root.filePath(folder + QStringLiteral("/bin/") + file), QStringLiteral("showdown"));
        }
    }
}

} // namespace showdown
