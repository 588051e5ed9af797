# FindQScintilla: QScintilla built for Qt 6 (Debian: libqscintilla2-qt6-dev).
# The library is qscintilla2_qt6; its headers live under the Qt include
# directory, in Qsci/, so Qt 6 is found first (its include folder is the
# hint); the imported target links Qt6::Widgets and Qt6::PrintSupport.
#
# Defines QScintilla_FOUND, QScintilla_INCLUDE_DIR, QScintilla_LIBRARY and the
# imported target QScintilla::QScintilla.
if(TARGET Qt6::Core)
    get_target_property(_tusk_qt_include_dirs Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
endif()
find_path(QScintilla_INCLUDE_DIR
    NAMES Qsci/qsciscintilla.h
    HINTS ${_tusk_qt_include_dirs}
    PATH_SUFFIXES qt6 x86_64-linux-gnu/qt6 aarch64-linux-gnu/qt6)
find_library(QScintilla_LIBRARY NAMES qscintilla2_qt6)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QScintilla
    REQUIRED_VARS QScintilla_LIBRARY QScintilla_INCLUDE_DIR)

if(QScintilla_FOUND AND NOT TARGET QScintilla::QScintilla)
    add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
    set_target_properties(QScintilla::QScintilla PROPERTIES
        IMPORTED_LOCATION "${QScintilla_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${QScintilla_INCLUDE_DIR}"
        INTERFACE_LINK_LIBRARIES "Qt6::Widgets;Qt6::PrintSupport")
endif()
mark_as_advanced(QScintilla_INCLUDE_DIR QScintilla_LIBRARY)
unset(_tusk_qt_include_dirs)
