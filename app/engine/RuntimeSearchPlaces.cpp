#include "RuntimeSearchPlaces.h"

#include <QDir>
#include <QStandardPaths>

namespace showdown {

RuntimeSearchPlaces RuntimeSearchPlaces::fromEnvironment()
{
    RuntimeSearchPlaces places;
    places.home = QDir::homePath();
    places.pathDirs = qEnvironmentVariable("PATH").split(QDir::listSeparator(), Qt::SkipEmptyParts);
    places.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    places.nvmDir = qEnvironmentVariable("NVM_DIR");
    places.fnmDir = qEnvironmentVariable("FNM_DIR");
    places.voltaHome = qEnvironmentVariable("VOLTA_HOME");
    places.asdfDataDir = qEnvironmentVariable("ASDF_DATA_DIR");
    places.pyenvRoot = qEnvironmentVariable("PYENV_ROOT");
    places.uvPythonDir = qEnvironmentVariable("UV_PYTHON_INSTALL_DIR");
    return places;
}

} // namespace showdown
