<#-- The PlatformIO project's unit test: the built-in sample gives the reference's result. -->
/*
 * [=banner]
 * Unit test (Unity): the built-in sample ([=sample.origin]) gives the class and scores of fgc's
 * Java reference.
 */
#include <unity.h>
#include <[=prefix]_sample.h>

void setUp(void)
{
}

void tearDown(void)
{
}

static void test_sample_gives_the_reference_class_and_scores(void)
{
    [=scoreType] scores[[=PREFIX]_NUM_CLASSES];
    uint16_t cls = [=prefix]_sample_run(scores);
    TEST_ASSERT_EQUAL_UINT16([=PREFIX]_SAMPLE_CLASS, cls);
    TEST_ASSERT_TRUE([=prefix]_sample_matches(scores));
}

static int run_tests(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_sample_gives_the_reference_class_and_scores);
    return UNITY_END();
}

#ifdef ARDUINO
#include <Arduino.h>
#if defined(__AVR__) && defined([=PREFIX]_HALT_AFTER_TEST)
#include <avr/interrupt.h>
#include <avr/sleep.h>
#endif

void setup()
{
    delay(2000); /* boards that reset on connect: let the test runner attach */
    run_tests();
#if defined(__AVR__) && defined([=PREFIX]_HALT_AFTER_TEST)
    Serial.flush();
    cli(); /* simavr ends on a sleeping CPU with interrupts off */
    sleep_enable();
    sleep_cpu();
#endif
}

void loop()
{
}
#else
int main(void)
{
    return run_tests();
}
#endif
