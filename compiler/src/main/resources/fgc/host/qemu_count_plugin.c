/*
 * count.c - QEMU TCG plugin: count guest instructions executed between
 * calls to two marker functions (fgc_mark_begin / fgc_mark_end).
 *
 * Build:  gcc -shared -fPIC -O2 -o libcount.so count.c
 * Use:    qemu-system-arm ... -plugin ./libcount.so,begin=0xADDR,end=0xADDR \
 *                             -d plugin -D count.txt
 *         optional args: verbose=on  (one line per interval)
 *                        mode=insn   (count per instruction instead of per
 *                                     translation block; exact even when a
 *                                     block is left early, but slower)
 * Output (at exit, via qemu_plugin_outs):
 *         fgc-count intervals=N instructions=M
 *
 * What is counted: every guest instruction executed after the translation
 * block that starts at `begin` (the marker function's own body, normally
 * one `bx lr`) and before the block that starts at `end`.  So the count
 * includes the return from fgc_mark_begin's caller side (nothing) up to and
 * including the `bl fgc_mark_end` instruction; the marker bodies themselves
 * are not counted.  A `begin` while an interval is open is ignored, as is
 * an `end` with no open interval.
 *
 * Debian ships no qemu-plugin.h, so the few API declarations needed are
 * written out here (QEMU 7.2 plugin API, QEMU_PLUGIN_VERSION 1).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- minimal QEMU 7.2 plugin API declarations ---- */
#define EXPORT __attribute__((visibility("default")))

typedef uint64_t qemu_plugin_id_t;

typedef struct qemu_info_t {
    const char *target_name;
    struct { int min; int cur; } version;
    bool system_emulation;
    union {
        struct { int smp_vcpus; int max_vcpus; } system;
    };
} qemu_info_t;

struct qemu_plugin_tb;      /* opaque */
struct qemu_plugin_insn;    /* opaque */

enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS,
                            QEMU_PLUGIN_CB_RW_REGS };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };

typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index,
                                            void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id,
                                               struct qemu_plugin_tb *tb);

extern void qemu_plugin_register_vcpu_tb_trans_cb(
    qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
extern void qemu_plugin_register_vcpu_tb_exec_cb(
    struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
    enum qemu_plugin_cb_flags flags, void *userdata);
extern void qemu_plugin_register_vcpu_tb_exec_inline(
    struct qemu_plugin_tb *tb, enum qemu_plugin_op op, void *ptr,
    uint64_t imm);
extern void qemu_plugin_register_vcpu_insn_exec_inline(
    struct qemu_plugin_insn *insn, enum qemu_plugin_op op, void *ptr,
    uint64_t imm);
extern size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
extern uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
extern struct qemu_plugin_insn *qemu_plugin_tb_get_insn(
    const struct qemu_plugin_tb *tb, size_t idx);
extern void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
                                           qemu_plugin_udata_cb_t cb,
                                           void *userdata);
extern void qemu_plugin_outs(const char *string);

EXPORT int qemu_plugin_version = 1;   /* QEMU_PLUGIN_VERSION in QEMU 7.2 */

/* ---- plugin state (single vCPU: Cortex-M machines have one) ---- */
static uint64_t begin_addr = UINT64_MAX, end_addr = UINT64_MAX;
static bool verbose, per_insn;
static uint64_t total;        /* running count of insns outside marker TBs */
static uint64_t start;        /* `total` when the open interval began */
static bool open_interval;
static uint64_t intervals, counted;

static void on_begin(unsigned int vcpu, void *udata)
{
    (void)vcpu; (void)udata;
    if (!open_interval) {
        open_interval = true;
        start = total;
    }
}

static void on_end(unsigned int vcpu, void *udata)
{
    (void)vcpu; (void)udata;
    if (open_interval) {
        uint64_t n = total - start;
        open_interval = false;
        intervals++;
        counted += n;
        if (verbose) {
            char buf[96];
            snprintf(buf, sizeof buf, "fgc-interval %" PRIu64
                     " instructions=%" PRIu64 "\n", intervals, n);
            qemu_plugin_outs(buf);
        }
    }
}

static void on_tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    uint64_t pc = qemu_plugin_tb_vaddr(tb);
    size_t n = qemu_plugin_tb_n_insns(tb);

    if (pc == begin_addr) {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, on_begin,
                                             QEMU_PLUGIN_CB_NO_REGS, NULL);
    } else if (pc == end_addr) {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, on_end,
                                             QEMU_PLUGIN_CB_NO_REGS, NULL);
    } else if (per_insn) {
        for (size_t i = 0; i < n; i++)
            qemu_plugin_register_vcpu_insn_exec_inline(
                qemu_plugin_tb_get_insn(tb, i), QEMU_PLUGIN_INLINE_ADD_U64,
                &total, 1);
    } else {
        qemu_plugin_register_vcpu_tb_exec_inline(
            tb, QEMU_PLUGIN_INLINE_ADD_U64, &total, n);
    }
}

static void on_exit_cb(qemu_plugin_id_t id, void *udata)
{
    (void)id; (void)udata;
    char buf[128];
    snprintf(buf, sizeof buf,
             "fgc-count intervals=%" PRIu64 " instructions=%" PRIu64 "%s\n",
             intervals, counted, open_interval ? " (unterminated interval)" : "");
    qemu_plugin_outs(buf);
}

static bool parse_addr(const char *arg, const char *key, uint64_t *out)
{
    size_t k = strlen(key);
    if (strncmp(arg, key, k) != 0 || arg[k] != '=')
        return false;
    char *endp;
    *out = strtoull(arg + k + 1, &endp, 0) & ~(uint64_t)1;  /* drop Thumb bit */
    return *endp == '\0';
}

EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
                               int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (parse_addr(a, "begin", &begin_addr) ||
            parse_addr(a, "end", &end_addr))
            continue;
        if (!strcmp(a, "verbose=on") || !strcmp(a, "verbose=true")) {
            verbose = true;
        } else if (!strcmp(a, "mode=insn")) {
            per_insn = true;
        } else if (!strcmp(a, "mode=tb")) {
            per_insn = false;
        } else {
            fprintf(stderr, "libcount: bad argument '%s'\n", a);
            return -1;
        }
    }
    if (begin_addr == UINT64_MAX || end_addr == UINT64_MAX) {
        fprintf(stderr, "libcount: need begin=0xADDR,end=0xADDR\n");
        return -1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb_trans);
    qemu_plugin_register_atexit_cb(id, on_exit_cb, NULL);
    return 0;
}
