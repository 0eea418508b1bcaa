<#-- The example project of the PlatformIO library. -->
; [=banner]
; Example project of the library [=libraryName]: the classify sketch for five environments, and the
; built-in sample's unit test (pio test --without-uploading): under simavr on the AVR boards, on the
; host for native. Due and Nano 33 BLE have no simulator here: pio test uploads to the board.
[platformio]
description = Classifies with model [=modelName] ([=precision]) compiled by fgc
default_envs = native

[env]
; the library this example belongs to, two folders up
lib_deps = [=libraryName]=symlink://../..
test_framework = unity

<#list environments as e>
[env:[=e.name]]
platform = [=e.platform]
<#if e.board??>
board = [=e.board]
framework = arduino
</#if>
<#if e.simavrMcu??>
platform_packages = platformio/tool-simavr
test_speed = 9600
build_flags = -D[=PREFIX]_HALT_AFTER_TEST
test_testing_command =
    ${platformio.packages_dir}/tool-simavr/bin/simavr
    -m
    [=e.simavrMcu]
    -f
    16000000L
    ${platformio.build_dir}/${this.__env__}/firmware.elf
</#if>
<#if e.platform == "native">
test_testing_command = ${platformio.build_dir}/${this.__env__}/program
</#if>

</#list>
