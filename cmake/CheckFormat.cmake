# The tree stays as clang-format 14 (Debian 12) writes it with the repository's .clang-format. Run as a test
# (ctest -R SourceFormat): cmake -DSOURCE_DIR=<repo> -DCLANG_FORMAT=<program> -P cmake/CheckFormat.cmake
# Lists every file that differs and says how to fix it.
if(NOT CLANG_FORMAT)
    message(FATAL_ERROR "clang-format-14 is not installed (scripts/install-deps.sh installs it)")
endif()
execute_process(COMMAND ${CLANG_FORMAT} --version OUTPUT_VARIABLE version)
if(NOT version MATCHES "version 14\\.")
    message(FATAL_ERROR "${CLANG_FORMAT} is not clang-format 14: ${version}")
endif()
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR}
     ${SOURCE_DIR}/src/*.cpp ${SOURCE_DIR}/src/*.hpp
     ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.hpp
     ${SOURCE_DIR}/bench/*.cpp ${SOURCE_DIR}/bench/*.hpp)
# One run over all files; clang-format names each file that differs in its diagnostics.
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror --style=file ${sources}
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE diagnostics)
set(unformatted "")
if(NOT rc EQUAL 0)
    string(REGEX MATCHALL "[^\n:]+:[0-9]+:[0-9]+: error" hits "${diagnostics}")
    foreach(hit IN LISTS hits)
        string(REGEX REPLACE ":[0-9]+:[0-9]+: error$" "" file "${hit}")
        list(APPEND unformatted ${file})
    endforeach()
    list(REMOVE_DUPLICATES unformatted)
    if(NOT unformatted)
        message(FATAL_ERROR "clang-format failed:\n${diagnostics}")
    endif()
endif()
list(LENGTH sources count)
if(unformatted)
    list(JOIN unformatted "\n    " listing)
    message(FATAL_ERROR "not formatted as clang-format 14 writes them:\n    ${listing}\n"
                        "fix: clang-format-14 -i <files> (from the repository root)")
endif()
message(STATUS "format: ${count} files as clang-format 14 writes them")
