# One STATIC library per module; its link line is the layering rule, because a
# module can only include the headers of what it links.
function(truce_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(truce_${name} STATIC ${ARG_SOURCES})
  add_library(truce::${name} ALIAS truce_${name})
  target_include_directories(truce_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_features(truce_${name} PUBLIC cxx_std_20)
  target_link_libraries(truce_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE truce_warnings ${ARG_PRIVATE_DEPS})
endfunction()

# One GoogleTest binary per module (or per suite), registered with CTest labels.
function(truce_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} truce_warnings GTest::gtest GTest::gtest_main)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  include(GoogleTest)
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()
