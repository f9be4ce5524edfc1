# Warning flags for our own targets only; third-party headers come in as SYSTEM.
add_library(truce_warnings INTERFACE)
target_compile_options(truce_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
  # GCC 12 reports impossible overlaps in std::string concatenation at -O2
  # (GCC bug 105651); the warning is noise there and would break -Werror builds.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
if(TRUCE_WERROR)
  target_compile_options(truce_warnings INTERFACE -Werror)
endif()
if(TRUCE_SANITIZE)
  target_compile_options(truce_warnings INTERFACE -fsanitize=${TRUCE_SANITIZE} -fno-omit-frame-pointer)
  target_link_options(truce_warnings INTERFACE -fsanitize=${TRUCE_SANITIZE})
endif()
