# Embeds the GLSL files of shaders/ into a C++ source at build time (STYLE.md §3): run as
#   cmake -DOUTPUT=file.cpp -DSHADER_DIR=dir -P EmbedShaders.cmake
# The generated file defines lb::render::gl::detail::shaderSource(name) for "<name>.<stage>.glsl".
file(GLOB shader_files RELATIVE "${SHADER_DIR}" "${SHADER_DIR}/*.glsl")
list(SORT shader_files)
set(body "// Generated from shaders/ by cmake/EmbedShaders.cmake; do not edit.\n#include <string_view>\n\n")
string(APPEND body "namespace lb::render::gl::detail {\n\nstd::string_view shaderSource(std::string_view name) {\n")
foreach(file IN LISTS shader_files)
    file(READ "${SHADER_DIR}/${file}" content)
    string(APPEND body "    if (name == \"${file}\") return R\"lbglsl(${content})lbglsl\";\n")
endforeach()
string(APPEND body "    return {};\n}\n\n}  // namespace lb::render::gl::detail\n")
if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL body)
    file(WRITE "${OUTPUT}" "${body}")
endif()
