<#-- A CMake toolchain file that cross-builds the package for one board. -->
# [=banner]
# Cross-builds the library for board [=board.name] ([=board.description]):
#   cmake -S . -B build-[=board.name] -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-[=board.name].cmake
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR [=board.core])
set(CMAKE_C_COMPILER [=board.toolchain]-gcc)
set(CMAKE_AR [=board.toolchain]-ar)
set(CMAKE_RANLIB [=board.toolchain]-ranlib)
# The board's flags, as fgc verify compiles its firmware.
set(CMAKE_C_FLAGS_INIT "[=board.cflagsText] -ffunction-sections -fdata-sections")
# A bare-metal toolchain links no test executable without a start-up file: try a library instead.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
