# stukwerk_add_test(NAME <name> SOURCES <files...> [LIBRARIES <libs...>])
#
# A GoogleTest executable whose tests ctest runs one by one. Tests use the
# CLI and the real plugins of this build tree, so they depend on all of them.
# Plugins call this from their own folder for their own tests.
set(STUKWERK_TEST_PLUGIN_DIR ${CMAKE_BINARY_DIR}/tests/test-plugins)

function(stukwerk_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE stukwerk_test_support GTest::gtest_main ${T_LIBRARIES})
  stukwerk_warnings(${T_NAME})
  add_dependencies(${T_NAME} stukwerk stukwerk_all_plugins)
  gtest_discover_tests(${T_NAME} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 600)
endfunction()
