# One INTERFACE target with warnings and sanitizers; every module links it.
add_library(lagebild_compiler_options INTERFACE)
target_compile_options(lagebild_compiler_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    # Geometry and statistics code relies on IEEE semantics (GEOS forces the same).
    -fno-fast-math)
if(LAGEBILD_WERROR)
    target_compile_options(lagebild_compiler_options INTERFACE -Werror)
endif()
# GCC 12 at -O3 reports -Wrestrict false positives inside libstdc++ for `const char* + std::string`
# (GCC bug 105329); they are not in our code, so the warning is off for GCC 12 only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(lagebild_compiler_options INTERFACE -Wno-restrict)
endif()
if(LAGEBILD_SANITIZER)
    target_compile_options(lagebild_compiler_options INTERFACE
        -fsanitize=${LAGEBILD_SANITIZER} -fno-omit-frame-pointer)
    target_link_options(lagebild_compiler_options INTERFACE -fsanitize=${LAGEBILD_SANITIZER})
endif()
