<#-- The CMake package's section of its README. -->
## Building with CMake

    cmake -S . -B build && cmake --build build
    ctest --test-dir build                        # the built-in sample gives the reference's result
    build/[=prefix]_classify DATA.npy [--scores]  # or DATA.csv: prints "ROW CLASS" a row

A row holds [=features] raw features, time-major ([=timesteps] steps of [=inputs] inputs), optionally
after a label column (EdgeML's layout); with labels the program also prints the accuracy.

Install it and use it from another CMake project:

    cmake --install build --prefix /opt/[=prefix]

```cmake
find_package([=prefix] [=version] EXACT CONFIG REQUIRED)   # CMAKE_PREFIX_PATH=/opt/[=prefix]
target_link_libraries(my_app PRIVATE [=prefix]::model)
```

<#if board??>
Cross-build the library for [=board.name] ([=board.description]) with the toolchain file it ships
(`[=board.toolchain]-gcc [=board.cflagsText]`):

    cmake -S . -B build-[=board.name] -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-[=board.name].cmake
    cmake --build build-[=board.name]            # lib[=prefix]_model.a for your firmware
</#if>
