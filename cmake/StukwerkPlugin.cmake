# stukwerk_add_plugin(NAME <name> SOURCES <files...> [LIBRARIES <targets...>])
#
# Builds plugin <name> as a MODULE library named stukwerk-<name>.so, the
# name the host looks for, into the build tree's plugins/ folder, and
# installs it where the installed stukwerk binary looks.
function(stukwerk_add_plugin)
  cmake_parse_arguments(P "" "NAME;OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT P_NAME OR NOT P_SOURCES)
    message(FATAL_ERROR "stukwerk_add_plugin: NAME and SOURCES are required")
  endif()
  if(NOT P_OUTPUT_DIRECTORY)
    set(P_OUTPUT_DIRECTORY ${STUKWERK_PLUGIN_OUTPUT_DIR})
  endif()
  set(target plugin-${P_NAME})
  add_library(${target} MODULE ${P_SOURCES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME stukwerk-${P_NAME}
    LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIRECTORY}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${target} PRIVATE stukwerk::sdk ${P_LIBRARIES})
  stukwerk_warnings(${target})
  if(TARGET stukwerk_all_plugins AND P_OUTPUT_DIRECTORY STREQUAL STUKWERK_PLUGIN_OUTPUT_DIR)
    add_dependencies(stukwerk_all_plugins ${target})
  endif()
  if(P_OUTPUT_DIRECTORY STREQUAL STUKWERK_PLUGIN_OUTPUT_DIR)
    install(TARGETS ${target} LIBRARY DESTINATION ${STUKWERK_INSTALL_PLUGINDIR})
  endif()
endfunction()
