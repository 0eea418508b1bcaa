<#-- Classification of a text stream, a character at a time (shared by every export). -->
/*
 * [=banner]
 * Classifies a text stream with model '[=modelName]', a character at a time, for sketches that
 * read Serial and programs that read stdin: one line of [=inputs] raw values (separated by blanks,
 * commas or semicolons) a timestep; after [=timesteps] lines, the sequence's class.
 */
#ifndef [=PREFIX]_STREAM_H
#define [=PREFIX]_STREAM_H

#include "[=prefix]_model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a character completed. */
#define [=PREFIX]_STREAM_NOTHING 0u
#define [=PREFIX]_STREAM_CLASS 1u  /* the last timestep of a sequence: scores and class written */
#define [=PREFIX]_STREAM_ERROR 2u  /* a line without exactly [=PREFIX]_INPUT_DIMS numbers, dropped */
#define [=PREFIX]_STREAM_SAMPLE 3u /* the line "sample" (the caller runs the built-in sample) */

typedef struct {
    [=prefix]_state_t sequence;
    [=inputType] x[[=PREFIX]_INPUT_DIMS];
    uint16_t count;  /* values read on the current line */
    char token[32];  /* the value being read */
    uint8_t length;
    uint8_t bad;     /* the current line is malformed */
} [=prefix]_stream_t;

void [=prefix]_stream_init([=prefix]_stream_t *stream);

/* Reads one character; returns one of [=PREFIX]_STREAM_*. */
uint8_t [=prefix]_stream_feed([=prefix]_stream_t *stream, char c, [=scoreType] scores[[=PREFIX]_NUM_CLASSES],
                           uint16_t *cls);

#ifdef __cplusplus
}
#endif

#endif /* [=PREFIX]_STREAM_H */
