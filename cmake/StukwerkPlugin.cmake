# stukwerk_add_plugin(NAME <name> SOURCES <files...> [LIBRARIES <targets...>]
#                     [OUTPUT_DIRECTORY <dir>] [INSTALL])
#
# Builds plugin <name> as a MODULE library named stukwerk-<name>.so, the name
# the host looks for, linked to the SDK (stukwerk::sdk) with hidden symbols
# but for the plugin's exported entry points.
#
# The same function serves the stukwerk source tree and plugin authors who
# use the installed package (find_package(stukwerk)): in the source tree it
# builds into the build tree's plugins/ folder and installs with stukwerk;
# elsewhere it builds where CMake builds libraries, and with INSTALL it
# installs into <prefix>/<libdir>/stukwerk/plugins.
include(GNUInstallDirs)

function(stukwerk_add_plugin)
  cmake_parse_arguments(P "INSTALL" "NAME;OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT P_NAME OR NOT P_SOURCES)
    message(FATAL_ERROR "stukwerk_add_plugin: NAME and SOURCES are required")
  endif()
  if(NOT P_NAME MATCHES "^[a-z0-9][a-z0-9-]*$")
    message(FATAL_ERROR "stukwerk_add_plugin: NAME '${P_NAME}' must be lower-case letters, digits and '-'")
  endif()
  set(in_tree FALSE)
  if(DEFINED STUKWERK_PLUGIN_OUTPUT_DIR)
    set(in_tree TRUE)
  endif()
  if(NOT P_OUTPUT_DIRECTORY AND in_tree)
    set(P_OUTPUT_DIRECTORY ${STUKWERK_PLUGIN_OUTPUT_DIR})
  endif()

  set(target plugin-${P_NAME})
  add_library(${target} MODULE ${P_SOURCES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME stukwerk-${P_NAME}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(P_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIRECTORY})
  endif()
  target_compile_features(${target} PRIVATE cxx_std_20)
  target_link_libraries(${target} PRIVATE stukwerk::sdk ${P_LIBRARIES})
  if(COMMAND stukwerk_warnings)
    stukwerk_warnings(${target})
  endif()

  set(is_default_output FALSE)
  if(in_tree AND P_OUTPUT_DIRECTORY STREQUAL STUKWERK_PLUGIN_OUTPUT_DIR)
    set(is_default_output TRUE)
  endif()
  if(TARGET stukwerk_all_plugins AND is_default_output)
    add_dependencies(stukwerk_all_plugins ${target})
  endif()
  if(is_default_output OR P_INSTALL)
    install(TARGETS ${target} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/stukwerk/plugins)
  endif()
endfunction()
