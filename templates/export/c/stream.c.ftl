<#-- Classification of a text stream, a character at a time (shared by every export). -->
/*
 * [=banner]
 */
#include <stdlib.h>
#include <string.h>
#include "[=prefix]_input.h"
#include "[=prefix]_stream.h"

void [=prefix]_stream_init([=prefix]_stream_t *stream)
{
    memset(stream, 0, sizeof *stream);
    [=prefix]_init(&stream->sequence);
}

/* The value just read, converted into the current timestep. */
static void end_value([=prefix]_stream_t *s)
{
    char *end;
    double v;

    if (s->length == 0) {
        return;
    }
    s->token[s->length] = '\0';
    s->length = 0;
    v = strtod(s->token, &end);
    if (*end != '\0' || s->count >= [=PREFIX]_INPUT_DIMS) {
        s->bad = 1;
        return;
    }
    s->x[s->count++] = [=prefix]_input_from_real(v);
}

static uint8_t end_line([=prefix]_stream_t *s, [=scoreType] scores[[=PREFIX]_NUM_CLASSES], uint16_t *cls)
{
    uint8_t result = [=PREFIX]_STREAM_NOTHING;

    if (s->count == 0 && s->length == 6 && memcmp(s->token, "sample", 6) == 0) {
        result = [=PREFIX]_STREAM_SAMPLE;
        s->length = 0;
    } else {
        end_value(s);
        if (s->bad || (s->count != 0 && s->count != [=PREFIX]_INPUT_DIMS)) {
            result = [=PREFIX]_STREAM_ERROR;
        } else if (s->count == [=PREFIX]_INPUT_DIMS) {
            (void)[=prefix]_step(&s->sequence, s->x);
            if (s->sequence.t == [=PREFIX]_TIMESTEPS) {
                *cls = [=prefix]_scores(&s->sequence, scores);
                [=prefix]_init(&s->sequence);
                result = [=PREFIX]_STREAM_CLASS;
            }
        }
    }
    s->count = 0;
    s->bad = 0;
    return result;
}

uint8_t [=prefix]_stream_feed([=prefix]_stream_t *stream, char c, [=scoreType] scores[[=PREFIX]_NUM_CLASSES],
                           uint16_t *cls)
{
    if (c == '\n' || c == '\r') {
        return end_line(stream, scores, cls);
    }
    if (c == ' ' || c == ',' || c == ';' || c == '\t') {
        end_value(stream);
    } else if (stream->length < sizeof stream->token - 1) {
        stream->token[stream->length++] = c;
    } else {
        stream->bad = 1;
    }
    return [=PREFIX]_STREAM_NOTHING;
}
