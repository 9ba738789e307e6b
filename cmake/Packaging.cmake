# Install rules and the Debian package (CPack), included from the top-level CMakeLists.txt.
#   cmake --install build --prefix /opt/lagebild      a relocatable tree (bin/, share/lagebild/, ...)
#   cpack --config build/CPackConfig.cmake -B DIR     DIR/lagebild_<version>_amd64.deb
# Shaders and the help texts are embedded in the binaries at build time; styles are read at run time from
# <prefix>/share/lagebild (render::assetsDir() finds it next to bin/), so any prefix works.
include(GNUInstallDirs)

# [programs] `lagebild gui` starts lagebild-gui from its own folder, so both go to bin/.
install(TARGETS lagebild lagebild-gui RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# [assets]
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/styles DESTINATION ${CMAKE_INSTALL_DATADIR}/lagebild)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/help DESTINATION ${CMAKE_INSTALL_DATADIR}/lagebild
        PATTERN README.md EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/third_party_notes.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# [desktop] menu entry, icon, the project MIME type. Debian's shared-mime-info, desktop-file-utils and
# hicolor-icon-theme refresh their caches through dpkg file triggers: the package needs no scripts.
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/de.lagebild.Lagebild.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/lagebild.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)
install(FILES ${PROJECT_SOURCE_DIR}/assets/icons/lagebild.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 48 128 256)
    install(FILES ${PROJECT_SOURCE_DIR}/assets/icons/lagebild-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME lagebild.png)
endforeach()

# [package]
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lagebild)
set(CPACK_PACKAGE_VENDOR "Lagebild")
set(CPACK_PACKAGE_CONTACT "Lagebild <lagebild@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "GIS for municipal crime and disorder prevention")
set(CPACK_PACKAGE_DESCRIPTION "Lagebild maps incident hot spots, graffiti sites, streetwork routes and \
prevention measures over an OpenStreetMap base map for municipal crime prevention (kommunale \
Kriminalpraevention): heat maps, Getis-Ord Gi* hot spots, queries, field mode and exports. Projects are \
SpatiaLite files that QGIS also opens.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # lagebild_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Shared libraries through dpkg-shlibdeps (dpkg-dev); what the programs open at run time on top.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, libegl-mesa0, libgl1-mesa-dri")
# ffmpeg: `lagebild animate` runs it (io/video_encoder.hpp); everything else works without it.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shared-mime-info, desktop-file-utils, hicolor-icon-theme, ffmpeg")
include(CPack)
