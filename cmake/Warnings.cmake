# Warnings and KDE-style defines for our own targets only: link outreach_warnings PRIVATE.
add_library(outreach_warnings INTERFACE)
target_compile_options(outreach_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual -Wformat=2 -Wsuggest-override
    -Wzero-as-null-pointer-constant -Werror=return-type)
target_compile_definitions(outreach_warnings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
# clang before 16 warns on every defaulted operator<=> (the literal 0 it compares the result with): a false positive.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
    target_compile_options(outreach_warnings INTERFACE -Wno-zero-as-null-pointer-constant)
endif()
