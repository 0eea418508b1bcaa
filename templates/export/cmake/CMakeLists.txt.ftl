<#-- The CMake package's build: library target, host tools, install rules and package config. -->
# [=banner]
# CMake package of model '[=modelName]' ([=precision]): the library target [=prefix]::model,
# a host classifier for .npy/CSV rows, a test of the built-in sample, install and find_package rules.
cmake_minimum_required(VERSION 3.13)
project([=prefix] VERSION [=version] DESCRIPTION "[=cellKind] model [=modelName] compiled by fgc" LANGUAGES C)

# Optimised unless asked otherwise, as fgc verify builds the same sources.
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE Release CACHE STRING "build type" FORCE)
endif()

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

add_library([=prefix]_model STATIC
<#list sources as s>
    [=sourceDir]/[=s]
</#list>
)
add_library([=prefix]::model ALIAS [=prefix]_model)
set_target_properties([=prefix]_model PROPERTIES
    EXPORT_NAME model
    C_STANDARD 99
    C_STANDARD_REQUIRED ON
    C_EXTENSIONS OFF
    PUBLIC_HEADER "<#list publicHeaders as h>[=sourceDir]/[=h]<#sep>;</#sep></#list>")
target_include_directories([=prefix]_model PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/[=sourceDir]>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options([=prefix]_model PRIVATE -Wall -Wextra)
endif()
if(NOT MSVC)
    target_link_libraries([=prefix]_model PUBLIC m)
endif()

# The host tools make no sense in a cross build (the toolchain file of a board turns them off).
if(CMAKE_CROSSCOMPILING)
    set([=PREFIX]_TOOLS_DEFAULT OFF)
else()
    set([=PREFIX]_TOOLS_DEFAULT ON)
endif()
option([=PREFIX]_BUILD_TOOLS "build [=prefix]_classify and the sample test" ${[=PREFIX]_TOOLS_DEFAULT})

if([=PREFIX]_BUILD_TOOLS)
    add_executable([=prefix]_classify app/[=prefix]_classify.c app/fgc_rows.c)
    target_link_libraries([=prefix]_classify PRIVATE [=prefix]::model)
    set_target_properties([=prefix]_classify PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)

    enable_testing()
    add_executable([=prefix]_sample_test test/[=prefix]_sample_test.c)
    target_link_libraries([=prefix]_sample_test PRIVATE [=prefix]::model)
    set_target_properties([=prefix]_sample_test PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
    add_test(NAME [=prefix]_sample COMMAND [=prefix]_sample_test)

    install(TARGETS [=prefix]_classify RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(TARGETS [=prefix]_model EXPORT [=prefix]Targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    PUBLIC_HEADER DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT [=prefix]Targets NAMESPACE [=prefix]:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/[=prefix])
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/[=prefix]ConfigVersion.cmake
    COMPATIBILITY ExactVersion)
install(FILES cmake/[=prefix]Config.cmake ${CMAKE_CURRENT_BINARY_DIR}/[=prefix]ConfigVersion.cmake
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/[=prefix])
