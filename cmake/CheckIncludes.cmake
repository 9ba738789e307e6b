# The direction of the module tree (NOTES_FOR_DEVELOPERS.md): which modules each module's sources may include.
# Run as a test (ctest -R IncludeDirection): cmake -DSOURCE_DIR=<repo>/src -P cmake/CheckIncludes.cmake
# Every module sits on the ones it lists; nothing includes upward or sideways beyond that. A new include that
# breaks the table fails the test with the file, the line and the rule.
cmake_minimum_required(VERSION 3.25)
set(ALLOWED_core "")
set(ALLOWED_geo "core")
set(ALLOWED_io "core;geo")
set(ALLOWED_demo "core;geo;io")
set(ALLOWED_store "core;geo")
set(ALLOWED_engine "core;geo")
set(ALLOWED_analysis "core")
set(ALLOWED_render "core;geo")
set(ALLOWED_project "core;geo;io;demo;store;engine;analysis;render")
set(ALLOWED_edit "core;geo;io;store")
# ui talks to the document (project), the renderer, editing and core; engine and geo for their value types
# (engine::Query, geo::Coord). Not to store or analysis directly.
set(ALLOWED_ui "core;geo;engine;render;project;edit")
set(ALLOWED_app "core;render;project;edit;ui")
set(ALLOWED_cli "core;geo;io;store;engine;render;project;edit")
# Known exceptions, to go when project::Session opens projects for the GUI (issue "The house before it
# grows"): the GUI's own read-only opens and its SQL console. Listed by file so that no new one slips in.
set(EXCEPTIONS
    "ui/edit/edit_controller.cpp:store"
    "ui/panels/attribute_table_panel.cpp:store"
    "ui/analysis/analysis_controller.hpp:store"
    "ui/analysis/analysis_controller.cpp:store")

set(MODULES core geo io demo store engine analysis render project edit ui app cli)
set(problems "")
set(used_exceptions "")
foreach(module IN LISTS MODULES)
    file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/${module}/*.hpp ${SOURCE_DIR}/${module}/*.cpp)
    foreach(source IN LISTS sources)
        file(STRINGS ${SOURCE_DIR}/${source} lines REGEX "^#include \"[a-z_]+/")
        foreach(line IN LISTS lines)
            string(REGEX REPLACE "^#include \"([a-z_]+)/.*" "\\1" target "${line}")
            if(target STREQUAL module OR NOT target IN_LIST MODULES)
                continue()
            endif()
            if(target IN_LIST ALLOWED_${module})
                continue()
            endif()
            if("${source}:${target}" IN_LIST EXCEPTIONS)
                list(APPEND used_exceptions "${source}:${target}")
                continue()
            endif()
            string(REPLACE ";" ", " allowed "${ALLOWED_${module}}")
            list(APPEND problems "src/${source}: ${line} — ${module}/ may include only: ${allowed}")
        endforeach()
    endforeach()
endforeach()
# An exception that is no longer needed is removed from the list (it would let the include come back).
foreach(exception IN LISTS EXCEPTIONS)
    if(NOT exception IN_LIST used_exceptions)
        list(APPEND problems "cmake/CheckIncludes.cmake: the exception ${exception} is no longer used; remove it")
    endif()
endforeach()
# The render model is backend-free (the furniture and legend layout serves GL and the Cairo export alike):
# nothing in render/ outside render/gl/ includes the GL backend or an OpenGL header.
file(GLOB_RECURSE model_sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/render/*.hpp ${SOURCE_DIR}/render/*.cpp)
foreach(source IN LISTS model_sources)
    if(source MATCHES "^render/gl/")
        continue()
    endif()
    file(STRINGS ${SOURCE_DIR}/${source} lines REGEX "^#include [<\"](render/gl/|epoxy/|GL/|GLES)")
    foreach(line IN LISTS lines)
        list(APPEND problems "src/${source}: ${line} — render/ outside render/gl/ uses no graphics API")
    endforeach()
endforeach()
if(problems)
    list(LENGTH problems count)
    string(REPLACE ";" "\n  " text "${problems}")
    message(FATAL_ERROR "${count} include(s) against the module direction:\n  ${text}")
endif()
message(STATUS "include direction: every module includes only what it may")
