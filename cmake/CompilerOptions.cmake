# One INTERFACE target with warnings and sanitizers; every module links it.
add_library(lagebild_compiler_options INTERFACE)
target_compile_options(lagebild_compiler_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    # Geometry and statistics code relies on IEEE semantics (GEOS forces the same).
    -fno-fast-math)
if(LAGEBILD_WERROR)
    target_compile_options(lagebild_compiler_options INTERFACE -Werror)
endif()
if(LAGEBILD_SANITIZER)
    target_compile_options(lagebild_compiler_options INTERFACE
        -fsanitize=${LAGEBILD_SANITIZER} -fno-omit-frame-pointer)
    target_link_options(lagebild_compiler_options INTERFACE -fsanitize=${LAGEBILD_SANITIZER})
endif()
