# Every header must compile on its own (include what you use): one generated
# translation unit per header under src/, compiled into an object library.
function(truce_add_header_check)
  file(GLOB_RECURSE headers RELATIVE ${PROJECT_SOURCE_DIR}/src CONFIGURE_DEPENDS
       ${PROJECT_SOURCE_DIR}/src/*.hpp)
  set(units)
  foreach(header ${headers})
    string(MAKE_C_IDENTIFIER ${header} name)
    set(unit ${PROJECT_BINARY_DIR}/header_check/${name}.cpp)
    file(CONFIGURE OUTPUT ${unit} CONTENT "#include \"${header}\"\n")
    list(APPEND units ${unit})
  endforeach()
  add_library(truce_header_check OBJECT ${units})
  target_include_directories(truce_header_check PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(truce_header_check PRIVATE truce_warnings nlohmann_json::nlohmann_json
                        CLI11::CLI11)
endfunction()
