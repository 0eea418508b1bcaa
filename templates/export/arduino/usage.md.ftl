<#-- The Arduino library's section of its README. -->
## Using it with Arduino

Copy this folder into your sketchbook's `libraries/` (or *Sketch → Include Library → Add .ZIP
Library* on a zip of it) and `#include <[=prefix]_model.h>`: the headers are C and declare
`extern "C"`, so they work from sketches (C++). Open *File → Examples → [=libraryName] → classify*:
it prints `sample class N reference M match` for the built-in sample at start, then reads one
line of [=inputs] raw values a timestep from Serial (9600 baud) and prints `class N` after
[=timesteps] of them.

With Arduino's command-line builder (Debian's also needs `-prefs` naming its ctags tool and
`compiler.cpp.extra_flags=-DDECIMAL_DIG=17` for its avr-gcc 5.4):

    arduino-builder -compile -hardware /usr/share/arduino/hardware -tools /usr/bin \
      -libraries LIBRARIES_DIR -fqbn arduino:avr:uno -build-path /tmp/build \
      examples/classify/classify.ino

Built with `-D[=PREFIX]_HALT_AFTER_SAMPLE` (e.g. `-prefs compiler.cpp.extra_flags=-D[=PREFIX]_HALT_AFTER_SAMPLE`)
the sketch stops after the sample, so a simulator such as `simavr -m atmega328p -f 16000000 classify.ino.elf`
ends by itself.
