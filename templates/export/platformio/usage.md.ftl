<#-- The PlatformIO package's section of its README. -->
## Using it with PlatformIO

Add the library to a project, from a folder (`lib_deps = [=libraryName]=symlink:///path/to/this/folder`)
or by copying it into the project's `lib/`, and `#include <[=prefix]_model.h>`. The library builds for
any framework (`"frameworks": "*"`) on [=platforms?join(", ")], with the flags
`[=libraryFlags?join(" ")]` (library.json, `build.flags`).

`examples/classify` is a complete project (platformio.ini) with the environments
<#list environments as e>`[=e.name]`<#sep>, </#sep></#list>:

    cd examples/classify
    pio run -e uno                      # the classify sketch: the sample, then timesteps from Serial
    pio test -e native                  # the sample's unit test on the host
    pio test -e uno --without-uploading # the same test under simavr

The sketch prints `sample class N reference M match` at start, then reads one line of [=inputs]
raw values a timestep from Serial (9600 baud) and prints `class N` after [=timesteps] of them.
