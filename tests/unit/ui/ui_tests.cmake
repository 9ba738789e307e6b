# UI tests, included from tests/CMakeLists.txt after lagebild_test_support and GoogleTest are set up.
# Paths are relative to this file so the include works from any directory.

# Strings, number formats, settings, the query form and the heatmap overlay: plain unit tests, no window.
add_executable(ui_tests
    ${CMAKE_CURRENT_LIST_DIR}/attribute_table_model_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/error_text_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/format_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/heatmap_overlay_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/layout_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/help_document_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/query_form_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revision_cache_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/strings_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/settings_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/edit_controller_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/erasure_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/form_state_test.cpp)
target_link_libraries(ui_tests PRIVATE lagebild_test_support GTest::gtest_main lagebild_ui)
gtest_discover_tests(ui_tests PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)

# The real lagebild-gui under Xvfb: only where Xvfb exists (STYLE.md §7, optional dependencies).
find_program(LAGEBILD_XVFB Xvfb)
if(LAGEBILD_XVFB)
    add_executable(ui_gui_tests ${CMAKE_CURRENT_LIST_DIR}/gui_smoke_test.cpp ${CMAKE_CURRENT_LIST_DIR}/gui_walkthrough_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/help_gui_test.cpp ${CMAKE_CURRENT_LIST_DIR}/xvfb_display.cpp)
    target_link_libraries(ui_gui_tests PRIVATE lagebild_test_support GTest::gtest_main lagebild_render lagebild_store lagebild_ui
        nlohmann_json::nlohmann_json)
    target_compile_definitions(ui_gui_tests PRIVATE
        LAGEBILD_GUI_BINARY="$<TARGET_FILE:lagebild-gui>"
        LAGEBILD_XVFB="${LAGEBILD_XVFB}")
    add_dependencies(ui_gui_tests lagebild-gui lagebild)
    gtest_discover_tests(ui_gui_tests PROPERTIES LABELS gui TIMEOUT 300 DISCOVERY_TIMEOUT 60)
else()
    message(STATUS "Xvfb not found: the GUI smoke tests are not registered")
endif()
