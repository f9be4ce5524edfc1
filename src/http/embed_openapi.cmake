# Writes OUTPUT, a C++ file defining truce::http::openapi_document() with the
# text of INPUT, so the server carries its API document without a data file.
file(READ ${INPUT} text)
# The document describes this release of the API: its info.version is the
# project's version (project() in the top CMakeLists.txt).
string(JSON documented_version ERROR_VARIABLE json_error GET "${text}" info version)
if(json_error)
  message(FATAL_ERROR "${INPUT}: info.version: ${json_error}")
endif()
if(NOT documented_version STREQUAL VERSION)
  message(FATAL_ERROR "${INPUT}: info.version is \"${documented_version}\"; the project's version "
                      "is \"${VERSION}\" (project() in CMakeLists.txt): make them agree")
endif()
string(FIND "${text}" ")openapi\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )openapi\"")
endif()
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n#include \"http/openapi.hpp\"\n\nnamespace truce::http {\n\nstd::string_view openapi_document() {\n  static constexpr std::string_view kDocument = R\"openapi(${text})openapi\";\n  return kDocument;\n}\n\n}  // namespace truce::http\n")
