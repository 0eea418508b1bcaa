<#-- The example sketch of the Arduino library and of the PlatformIO project (platformio=true adds
     the Arduino.h include and a main() for PlatformIO's native platform, which reads stdin). -->
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
#include <[=prefix]_model.h>
#include <[=prefix]_sample.h>
#include <[=prefix]_stream.h>
<#if platformio>

#ifdef ARDUINO
</#if>
#if defined(__AVR__) && defined([=PREFIX]_HALT_AFTER_SAMPLE)
#include <avr/interrupt.h>
#include <avr/sleep.h>
#endif

static [=prefix]_stream_t stream;

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

void setup()
{
    Serial.begin(9600);
    [=prefix]_stream_init(&stream);
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
        [=scoreType] scores[[=PREFIX]_NUM_CLASSES];
        uint16_t cls;
        switch ([=prefix]_stream_feed(&stream, (char)Serial.read(), scores, &cls)) {
        case [=PREFIX]_STREAM_CLASS:
            Serial.print(F("class "));
            Serial.println(cls);
            break;
        case [=PREFIX]_STREAM_ERROR:
            Serial.println(F("error: expected [=inputs] numbers a line"));
            break;
        case [=PREFIX]_STREAM_SAMPLE:
            run_sample();
            break;
        default:
            break;
        }
    }
}
<#if platformio>
#else
#include <stdio.h>

/* Prints the built-in sample's class; nonzero when class and scores are the reference's. */
static int run_sample()
{
    [=scoreType] scores[[=PREFIX]_NUM_CLASSES];
    uint16_t cls = [=prefix]_sample_run(scores);
    int match = [=prefix]_sample_matches(scores) && cls == [=PREFIX]_SAMPLE_CLASS;
    printf("sample class %u reference %u %s\n", (unsigned)cls, (unsigned)[=PREFIX]_SAMPLE_CLASS,
           match ? "match" : "differ");
    return match;
}

/* PlatformIO's native platform: the sketch on the host, with stdin for Serial; exit 1 when the sample differs. */
int main()
{
    [=prefix]_stream_t stream;
    int match = run_sample();
    int c;

    [=prefix]_stream_init(&stream);
    while ((c = getchar()) != EOF) {
        [=scoreType] scores[[=PREFIX]_NUM_CLASSES];
        uint16_t cls;
        switch ([=prefix]_stream_feed(&stream, (char)c, scores, &cls)) {
        case [=PREFIX]_STREAM_CLASS:
            printf("class %u\n", (unsigned)cls);
            break;
        case [=PREFIX]_STREAM_ERROR:
            printf("error: expected [=inputs] numbers a line\n");
            break;
        case [=PREFIX]_STREAM_SAMPLE:
            match = run_sample() && match;
            break;
        default:
            break;
        }
    }
    return match ? 0 : 1;
}
#endif
</#if>
