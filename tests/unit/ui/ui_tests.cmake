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
    ${CMAKE_CURRENT_LIST_DIR}/form_state_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/job_runner_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/camera_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/camera_flight_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/notices_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/layer_options_test.cpp)
target_link_libraries(ui_tests PRIVATE lagebild_test_support GTest::gtest_main lagebild_ui nlohmann_json::nlohmann_json)
gtest_discover_tests(ui_tests PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)

# The real lagebild-gui under Xvfb: only where Xvfb exists (STYLE.md §7, optional dependencies).
find_program(LAGEBILD_XVFB Xvfb)
if(LAGEBILD_XVFB)
    add_executable(ui_gui_tests ${CMAKE_CURRENT_LIST_DIR}/gui_smoke_test.cpp ${CMAKE_CURRENT_LIST_DIR}/gui_walkthrough_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/help_gui_test.cpp ${CMAKE_CURRENT_LIST_DIR}/gui_public_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/gui_export_test.cpp ${CMAKE_CURRENT_LIST_DIR}/gui_print_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/gui_present_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/xvfb_display.cpp)
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

# The build step that embeds the UI texts (cmake/EmbedStrings.cmake) refuses catalogues that do not agree,
# naming each problem, and accepts reordered placeholders and escaped braces.
set(LAGEBILD_I18N_FIXTURES ${CMAKE_CURRENT_LIST_DIR}/../../fixtures/i18n)
add_test(NAME Strings.BuildRejectsMismatchedCatalogues
    COMMAND ${CMAKE_COMMAND} -DI18N_DIR=${LAGEBILD_I18N_FIXTURES}/mismatched
            -DHEADER=${CMAKE_CURRENT_BINARY_DIR}/i18n_mismatched/string_ids.hpp
            -DSOURCE=${CMAKE_CURRENT_BINARY_DIR}/i18n_mismatched/embedded_strings.cpp
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedStrings.cmake)
set_tests_properties(Strings.BuildRejectsMismatchedCatalogues PROPERTIES LABELS unit WILL_FAIL TRUE)
add_test(NAME Strings.BuildNamesEachCatalogueProblem
    COMMAND ${CMAKE_COMMAND} -DI18N_DIR=${LAGEBILD_I18N_FIXTURES}/mismatched
            -DHEADER=${CMAKE_CURRENT_BINARY_DIR}/i18n_mismatched/string_ids.hpp
            -DSOURCE=${CMAKE_CURRENT_BINARY_DIR}/i18n_mismatched/embedded_strings.cpp
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedStrings.cmake)
# One regular expression over the whole output, in the script's order of reporting.
set_tests_properties(Strings.BuildNamesEachCatalogueProblem PROPERTIES LABELS unit PASS_REGULAR_EXPRESSION
    "de.json: about.brace: unmatched brace.*de.json: layers.features: placeholder {} lacks its argument's position.*en.json lacks menu.quit.*de.json lacks menu.extra.*table.rows: placeholders differ")
add_test(NAME Strings.BuildAcceptsReorderedPlaceholders
    COMMAND ${CMAKE_COMMAND} -DI18N_DIR=${LAGEBILD_I18N_FIXTURES}/matching
            -DHEADER=${CMAKE_CURRENT_BINARY_DIR}/i18n_matching/string_ids.hpp
            -DSOURCE=${CMAKE_CURRENT_BINARY_DIR}/i18n_matching/embedded_strings.cpp
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedStrings.cmake)
set_tests_properties(Strings.BuildAcceptsReorderedPlaceholders PROPERTIES LABELS unit)
