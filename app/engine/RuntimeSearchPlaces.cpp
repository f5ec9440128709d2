#include "RuntimeSearchPlaces.h"

#include "RuntimeInstaller.h"

#include <QDir>

namespace showdown {

RuntimeSearchPlaces RuntimeSearchPlaces::fromEnvironment()
{
    RuntimeSearchPlaces places;
    places.home = QDir::homePath();
    places.pathDirs = qEnvironmentVariable("PATH").split(QDir::listSeparator(), Qt::SkipEmptyParts);
    places.installedDir = RuntimeInstaller::defaultFolder();
    places.nvmDir = qEnvironmentVariable("NVM_DIR");
    places.fnmDir = qEnvironmentVariable("FNM_DIR");
    places.voltaHome = qEnvironmentVariable("VOLTA_HOME");
    places.asdfDataDir = qEnvironmentVariable("ASDF_DATA_DIR");
    places.pyenvRoot = qEnvironmentVariable("PYENV_ROOT");
    places.uvPythonDir = qEnvironmentVariable("UV_PYTHON_INSTALL_DIR");
    return places;
}

} // namespace showdown
