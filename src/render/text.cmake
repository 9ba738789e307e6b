# Text rendering (SDF glyph atlas and label placement), appended to lagebild_render; included from
# src/render/CMakeLists.txt. FreeType stays private to the render module (STYLE.md 1, rule 2).
find_package(PkgConfig REQUIRED)
if(NOT TARGET PkgConfig::FREETYPE)
    pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET GLOBAL freetype2)
endif()
target_sources(lagebild_render PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/glyph_atlas.cpp
    ${CMAKE_CURRENT_LIST_DIR}/label_placer.cpp)
target_link_libraries(lagebild_render PRIVATE PkgConfig::FREETYPE)
