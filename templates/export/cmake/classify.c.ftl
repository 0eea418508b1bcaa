<#-- The CMake package's host program: classifies the rows of an .npy or CSV file. -->
/*
 * [=banner]
 * [=prefix]_classify DATA.npy|DATA.csv [--scores]: classifies every row with model '[=modelName]'.
 * A row holds [=PREFIX]_FEATURES raw features, time-major, optionally after a label column (EdgeML's
 * layout). Prints "ROW CLASS" a row (then the scores with --scores); with labels, the accuracy on
 * stderr. Exit 0, or 2 on bad input.
 */
#include <stdio.h>
#include <string.h>
#include "fgc_rows.h"
#include "[=prefix]_input.h"
#include "[=prefix]_model.h"

static void print_scores(const [=scoreType] scores[[=PREFIX]_NUM_CLASSES])
{
    unsigned c;
    for (c = 0; c < [=PREFIX]_NUM_CLASSES; c++) {
<#if fixedPoint>
        printf(" %ld", (long)scores[c]);
<#else>
        printf(" %.9g", (double)scores[c]);
</#if>
    }
}

int main(int argc, char **argv)
{
    fgc_rows_t rows;
    char err[256];
    size_t r;
    size_t first;
    size_t correct = 0;
    int show_scores = argc == 3 && strcmp(argv[2], "--scores") == 0;

    if (argc < 2 || argc > 3 || (argc == 3 && !show_scores)) {
        fprintf(stderr, "usage: %s DATA.npy|DATA.csv [--scores]\n", argv[0]);
        return 2;
    }
    if (fgc_rows_read(argv[1], &rows, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", argv[1], err);
        return 2;
    }
    if (rows.cols != [=PREFIX]_FEATURES && rows.cols != [=PREFIX]_FEATURES + 1) {
        fprintf(stderr, "%s: %lu values a row, but model '[=modelName]' reads %u features (%u steps x %u inputs):"
                " expected %u (label first) or %u\n", argv[1], (unsigned long)rows.cols, [=PREFIX]_FEATURES,
                [=PREFIX]_TIMESTEPS, [=PREFIX]_INPUT_DIMS, [=PREFIX]_FEATURES + 1, [=PREFIX]_FEATURES);
        fgc_rows_free(&rows);
        return 2;
    }
    first = rows.cols - [=PREFIX]_FEATURES;
    for (r = 0; r < rows.rows; r++) {
        const double *row = rows.values + r * rows.cols;
        [=inputType] x[[=PREFIX]_FEATURES];
        [=scoreType] scores[[=PREFIX]_NUM_CLASSES];
        size_t i;
        uint16_t cls;

        for (i = 0; i < [=PREFIX]_FEATURES; i++) {
            x[i] = [=prefix]_input_from_real(row[first + i]);
        }
        cls = [=prefix]_classify(x, scores);
        printf("%lu %u", (unsigned long)r, (unsigned)cls);
        if (show_scores) {
            print_scores(scores);
        }
        printf("\n");
        if (first == 1 && (double)cls == row[0]) {
            correct++;
        }
    }
    if (first == 1) {
        fprintf(stderr, "accuracy %.2f%% (%lu of %lu rows)\n", 100.0 * (double)correct / (double)rows.rows,
                (unsigned long)correct, (unsigned long)rows.rows);
    }
    fgc_rows_free(&rows);
    return 0;
}
