/*
 * Reads .npy and CSV tables for fgc's host programs (see fgc_rows.h). Part of a package generated
 * by fgc.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fgc_rows.h"

static int fail(char *err, size_t err_size, const char *message)
{
    snprintf(err, err_size, "%s", message);
    return -1;
}

/* The whole file, NUL-terminated so the CSV reader can use strtod; NULL on failure. */
static char *slurp(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    size_t size = 0;
    size_t capacity = 0;

    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        size_t got;
        if (capacity - size < 4096) {
            char *grown = realloc(data, capacity * 2 + 4096);
            if (grown == NULL) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = grown;
            capacity = capacity * 2 + 4096;
        }
        got = fread(data + size, 1, capacity - size - 1, f);
        size += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        free(data);
        fclose(f);
        return NULL;
    }
    fclose(f);
    data[size] = '\0';
    *length = size;
    return data;
}

/* The text after "'key':" in an .npy header, blanks skipped; NULL when the key is missing. */
static const char *header_value(const char *header, const char *key)
{
    const char *p = strstr(header, key);
    if (p == NULL) {
        return NULL;
    }
    p = strchr(p + strlen(key), ':');
    if (p == NULL) {
        return NULL;
    }
    p++;
    while (*p == ' ') {
        p++;
    }
    return p;
}

static unsigned long little_endian(const unsigned char *b, int bytes)
{
    unsigned long v = 0;
    int i;
    for (i = bytes - 1; i >= 0; i--) {
        v = (v << 8) | b[i];
    }
    return v;
}

/* Integers and floats share one byte order on every host this runs on: decode, then reinterpret. */
static double element(const unsigned char *b, int width)
{
    if (width == 4) {
        uint32_t bits = (uint32_t)little_endian(b, 4);
        float f;
        memcpy(&f, &bits, sizeof f);
        return f;
    } else {
        uint64_t bits = 0;
        double d;
        int i;
        for (i = 7; i >= 0; i--) {
            bits = (bits << 8) | b[i];
        }
        memcpy(&d, &bits, sizeof d);
        return d;
    }
}

static int read_npy(const unsigned char *b, size_t n, fgc_rows_t *out, char *err, size_t err_size)
{
    size_t header_len;
    size_t offset;
    size_t rows;
    size_t cols = 1;
    size_t i;
    int width;
    char *header;
    const char *p;
    char *end;

    if (n < 10 || memcmp(b, "\x93NUMPY", 6) != 0) {
        return fail(err, err_size, "not an .npy file (no NumPy magic bytes)");
    }
    if (b[6] == 1) {
        header_len = (size_t)little_endian(b + 8, 2);
        offset = 10;
    } else if ((b[6] == 2 || b[6] == 3) && n >= 12) {
        header_len = (size_t)little_endian(b + 8, 4);
        offset = 12;
    } else {
        return fail(err, err_size, "unsupported .npy format version");
    }
    if (header_len > n - offset) {
        return fail(err, err_size, "truncated .npy header");
    }
    header = malloc(header_len + 1);
    if (header == NULL) {
        return fail(err, err_size, "out of memory");
    }
    memcpy(header, b + offset, header_len);
    header[header_len] = '\0';
    offset += header_len;

    p = header_value(header, "'descr'");
    width = p == NULL ? 0 : strncmp(p, "'<f4'", 5) == 0 ? 4 : strncmp(p, "'<f8'", 5) == 0 ? 8 : 0;
    if (width == 0) {
        free(header);
        return fail(err, err_size, "element type is not little-endian float32 or float64 ('<f4' or '<f8')");
    }
    p = header_value(header, "'fortran_order'");
    if (p == NULL || strncmp(p, "False", 5) != 0) {
        free(header);
        return fail(err, err_size, "array is in Fortran order; save it in C order");
    }
    p = header_value(header, "'shape'");
    if (p == NULL || *p != '(') {
        free(header);
        return fail(err, err_size, "no shape in the .npy header");
    }
    rows = (size_t)strtoul(p + 1, &end, 10);
    if (end == p + 1) {
        free(header);
        return fail(err, err_size, "shape () is a scalar, expected rows of features");
    }
    while (*end == ' ' || *end == ',') {
        end++;
    }
    if (*end != ')') {
        p = end;
        cols = (size_t)strtoul(p, &end, 10);
        while (*end == ' ' || *end == ',') {
            end++;
        }
        if (end == p || *end != ')') {
            free(header);
            return fail(err, err_size, "array has more than 2 dimensions");
        }
    } else {
        cols = rows; /* a 1-D array is one example */
        rows = 1;
    }
    free(header);
    if (rows == 0 || cols == 0) {
        return fail(err, err_size, "holds no examples");
    }
    if (cols > (n - offset) / (size_t)width / rows) {
        return fail(err, err_size, "file is shorter than its shape says");
    }
    out->values = malloc(rows * cols * sizeof(double));
    if (out->values == NULL) {
        return fail(err, err_size, "out of memory");
    }
    for (i = 0; i < rows * cols; i++) {
        out->values[i] = element(b + offset + i * (size_t)width, width);
    }
    out->rows = rows;
    out->cols = cols;
    return 0;
}

static int is_separator(char c)
{
    return c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\r';
}

static int read_csv(char *text, fgc_rows_t *out, char *err, size_t err_size)
{
    size_t capacity = 0;
    size_t count = 0;
    size_t line_no = 0;
    int first = 1;
    char *line = text;

    out->rows = 0;
    out->cols = 0;
    out->values = NULL;
    while (line != NULL && *line != '\0') {
        char *next = strchr(line, '\n');
        char *p = line;
        size_t values = 0;
        int bad = 0;

        if (next != NULL) {
            *next++ = '\0';
        }
        line_no++;
        while (is_separator(*p)) {
            p++;
        }
        if (*p == '\0' || *p == '#') {
            line = next;
            continue;
        }
        while (*p != '\0') {
            char *end;
            double v = strtod(p, &end);
            if (end == p) {
                bad = 1;
                break;
            }
            if (count == capacity) {
                double *grown = realloc(out->values, (capacity * 2 + 64) * sizeof(double));
                if (grown == NULL) {
                    return fail(err, err_size, "out of memory");
                }
                out->values = grown;
                capacity = capacity * 2 + 64;
            }
            out->values[count++] = v;
            values++;
            p = end;
            while (is_separator(*p)) {
                p++;
            }
        }
        if (bad) {
            if (first && out->rows == 0) {
                count -= values; /* a header line */
                first = 0;
                line = next;
                continue;
            }
            snprintf(err, err_size, "line %lu: not a number", (unsigned long)line_no);
            return -1;
        }
        first = 0;
        if (out->rows == 0) {
            out->cols = values;
        } else if (values != out->cols) {
            snprintf(err, err_size, "line %lu: %lu values, expected %lu as on the first row",
                     (unsigned long)line_no, (unsigned long)values, (unsigned long)out->cols);
            return -1;
        }
        out->rows++;
        line = next;
    }
    if (out->rows == 0) {
        return fail(err, err_size, "holds no examples");
    }
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s);
    size_t b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

int fgc_rows_read(const char *path, fgc_rows_t *out, char *err, size_t err_size)
{
    size_t length = 0;
    char *data = slurp(path, &length);
    int result;

    out->rows = 0;
    out->cols = 0;
    out->values = NULL;
    if (data == NULL) {
        return fail(err, err_size, "cannot read the file");
    }
    if (ends_with(path, ".npy")) {
        result = read_npy((const unsigned char *)data, length, out, err, err_size);
    } else {
        result = read_csv(data, out, err, err_size);
    }
    free(data);
    if (result != 0) {
        fgc_rows_free(out);
    }
    return result;
}

void fgc_rows_free(fgc_rows_t *rows)
{
    free(rows->values);
    rows->values = NULL;
    rows->rows = 0;
    rows->cols = 0;
}
