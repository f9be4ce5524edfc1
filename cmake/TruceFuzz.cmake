# libFuzzer builds (-DTRUCE_BUILD_FUZZERS=ON; clang only, see scripts/fuzz.sh).
# Included before src/, so every library the fuzz targets link is compiled
# with libFuzzer's coverage instrumentation and with AddressSanitizer and
# UBSan; undefined behaviour aborts, so the fuzzer reports it as a crash.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "TRUCE_BUILD_FUZZERS needs clang (CXX=clang++): libFuzzer comes with it; "
                      "scripts/fuzz.sh configures such a build")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                    -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)

# A libFuzzer target: its sources and the truce libraries it links. It finds
# the bundled data as the binary does (share/truce beside bin/, or TRUCE_DATA),
# so the data is copied first.
function(truce_add_fuzzer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} truce_warnings)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  add_dependencies(${name} truce_data)
endfunction()
