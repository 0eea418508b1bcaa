<#-- The example sketch of the Arduino library and of the PlatformIO project (platformio=true adds
     the Arduino.h include and a main() for PlatformIO's native platform). -->
/*
 * [=banner]
 * Example: classifies with model '[=modelName]' ([=precision]).
 *
 * At start it runs the built-in sample ([=sample.origin]) and prints
 * "sample class N reference M match". Then it reads timesteps from Serial (9600 baud): one line of
 * [=inputs] raw values (separated by blanks or commas) a timestep; after [=timesteps] lines it prints
 * "class N" and starts a new sequence. The line "sample" runs the built-in sample again.
 * Built with -D[=PREFIX]_HALT_AFTER_SAMPLE on AVR, it stops the CPU after the sample instead, with 0
 * (match) or 1 in GPIOR0: simulators such as simavr end on a sleeping CPU with interrupts off.
 */
<#if platformio>
#ifdef ARDUINO
#include <Arduino.h>
#endif
</#if>
#include <stdlib.h>
#include <string.h>
#include <[=prefix]_input.h>
#include <[=prefix]_model.h>
#include <[=prefix]_sample.h>
<#if platformio>

#ifdef ARDUINO
</#if>
#if defined(__AVR__) && defined([=PREFIX]_HALT_AFTER_SAMPLE)
#include <avr/interrupt.h>
#include <avr/sleep.h>
#endif

static [=prefix]_state_t sequence;
static char line[[=inputs * 16 + 16]];
static size_t length;

/* Prints the built-in sample's class; true when class and scores are the reference's. */
static bool run_sample()
{
    [=scoreType] scores[[=PREFIX]_NUM_CLASSES];
    uint16_t cls = [=prefix]_sample_run(scores);
    bool match = [=prefix]_sample_matches(scores) && cls == [=PREFIX]_SAMPLE_CLASS;
    Serial.print(F("sample class "));
    Serial.print(cls);
    Serial.print(F(" reference "));
    Serial.print((unsigned)[=PREFIX]_SAMPLE_CLASS);
    Serial.println(match ? F(" match") : F(" differ"));
    return match;
}

/* One timestep from the line just read; prints the class after the last one. */
static void feed_line()
{
    [=inputType] x[[=PREFIX]_INPUT_DIMS];
    char *p = line;
    for (uint16_t i = 0; i < [=PREFIX]_INPUT_DIMS; i++) {
        char *end;
        double v = strtod(p, &end);
        if (end == p) {
            Serial.println(F("error: expected [=inputs] numbers a line"));
            return;
        }
        x[i] = [=prefix]_input_from_real(v);
        p = end;
        while (*p == ' ' || *p == ',' || *p == '\t') {
            p++;
        }
    }
    [=prefix]_step(&sequence, x);
    if (sequence.t == [=PREFIX]_TIMESTEPS) {
        [=scoreType] scores[[=PREFIX]_NUM_CLASSES];
        Serial.print(F("class "));
        Serial.println([=prefix]_scores(&sequence, scores));
        [=prefix]_init(&sequence);
    }
}

void setup()
{
    Serial.begin(9600);
    [=prefix]_init(&sequence);
#if defined(__AVR__) && defined([=PREFIX]_HALT_AFTER_SAMPLE)
    /* the status a simulator reads back: fgc's simavr runner takes GPIOR0 as the exit code */
    GPIOR0 = run_sample() ? 0 : 1;
    Serial.flush();
    cli();
    sleep_enable();
    sleep_cpu();
#else
    run_sample();
#endif
}

void loop()
{
    while (Serial.available() > 0) {
        char c = (char)Serial.read();
        if (c == '\n' || c == '\r') {
            if (length > 0) {
                line[length] = '\0';
                if (strcmp(line, "sample") == 0) {
                    run_sample();
                } else {
                    feed_line();
                }
                length = 0;
            }
        } else if (length < sizeof line - 1) {
            line[length++] = c;
        }
    }
}
<#if platformio>
#else
#include <stdio.h>

/* PlatformIO's native platform: the built-in sample on the host. */
int main()
{
    [=scoreType] scores[[=PREFIX]_NUM_CLASSES];
    uint16_t cls = [=prefix]_sample_run(scores);
    printf("sample class %u reference %u %s\n", (unsigned)cls, (unsigned)[=PREFIX]_SAMPLE_CLASS,
           [=prefix]_sample_matches(scores) ? "match" : "differ");
    return cls == [=PREFIX]_SAMPLE_CLASS && [=prefix]_sample_matches(scores) ? 0 : 1;
}
#endif
</#if>
