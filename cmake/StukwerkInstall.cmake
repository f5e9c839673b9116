# What `cmake --install` puts into the prefix besides the binary and the
# plugins: the SDK as a CMake package (stukwerk::sdk, stukwerk_add_plugin)
# and as a pkg-config file, the JSON Schema, and the conformance corpus
# that `stukwerk plugins --check` runs plugins against.
include(CMakePackageConfigHelpers)

file(STRINGS ${PROJECT_SOURCE_DIR}/sdk/include/stukwerk/abi.hpp abi_line REGEX "^#define STUKWERK_ABI_VERSION ")
string(REGEX REPLACE "^#define STUKWERK_ABI_VERSION ([0-9]+).*" "\\1" STUKWERK_ABI_VERSION "${abi_line}")

set(STUKWERK_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/stukwerk)
set(STUKWERK_INSTALL_SCHEMADIR ${CMAKE_INSTALL_DATADIR}/stukwerk/schema)

install(TARGETS stukwerk_sdk EXPORT stukwerkTargets)
install(EXPORT stukwerkTargets NAMESPACE stukwerk:: DESTINATION ${STUKWERK_INSTALL_CMAKEDIR})
configure_package_config_file(cmake/stukwerkConfig.cmake.in ${PROJECT_BINARY_DIR}/stukwerkConfig.cmake
  INSTALL_DESTINATION ${STUKWERK_INSTALL_CMAKEDIR}
  PATH_VARS STUKWERK_INSTALL_SCHEMADIR)
# Plugins must match the host's ABI version, which moves with the minor version.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/stukwerkConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/stukwerkConfig.cmake ${PROJECT_BINARY_DIR}/stukwerkConfigVersion.cmake
              cmake/StukwerkPlugin.cmake
        DESTINATION ${STUKWERK_INSTALL_CMAKEDIR})

file(RELATIVE_PATH STUKWERK_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" STUKWERK_PC_TO_PREFIX "${STUKWERK_PC_TO_PREFIX}")
configure_file(cmake/stukwerk-sdk.pc.in ${PROJECT_BINARY_DIR}/stukwerk-sdk.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/stukwerk-sdk.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(DIRECTORY tests/data/corpus/ DESTINATION ${CMAKE_INSTALL_DATADIR}/stukwerk/conformance/corpus)
