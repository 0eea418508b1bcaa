/*
 * ${banner}
 * Hardware-in-the-loop firmware for board ${board.name}: waits for frames on the UART, runs each
 * example the host sends through the model and answers with the class and every score's 32 bits.
 * Frames (docs/hil-protocol.md): A5 5A type seq len-lo len-hi payload... crc-lo crc-hi, CRC-16/
 * CCITT-FALSE over type..payload. A frame that fails a check is answered with an ERROR frame and
 * never processed, so the host learns of every corrupted or lost frame.
 */
#include <stdint.h>
#include <string.h>
#include "${prefix}_model.h"
#include "fw_firmware.h"
#include "fw_uart.h"

#define HIL_VERSION 1u
#define HIL_FINGERPRINT ${fingerprint}u
#define HIL_INPUT_BYTES ((uint16_t)(${PREFIX}_FEATURES * sizeof(${inputType})))
#define HIL_RESULT_BYTES ((uint16_t)(2u + 4u * ${PREFIX}_NUM_CLASSES))

enum hil_type {
    HIL_HELLO = 'H', HIL_HELLO_REPLY = 'h', HIL_INFER = 'I', HIL_RESULT = 'r',
    HIL_STATS = 'S', HIL_STATS_REPLY = 's', HIL_ERROR = 'E'
};
enum hil_error { HIL_E_CHECKSUM = 1, HIL_E_LENGTH = 2, HIL_E_TYPE = 3, HIL_E_SEQUENCE = 4, HIL_E_SIZE = 5 };

/* Large enough for one example, and 4-byte aligned for the model's input type. */
static union {
    ${inputType} features[${PREFIX}_FEATURES];
    uint8_t bytes[${PREFIX}_FEATURES * sizeof(${inputType})];
} hil_rx;
/* Large enough for every reply: a result, the hello (10 bytes and the name) and the stats. */
#define HIL_HELLO_BYTES (10u + sizeof "${prefix}" - 1u)
#define HIL_TX_MIN (HIL_HELLO_BYTES > 32u ? HIL_HELLO_BYTES : 32u)
static uint8_t hil_tx[HIL_RESULT_BYTES > HIL_TX_MIN ? HIL_RESULT_BYTES : HIL_TX_MIN];
static uint32_t hil_accepted, hil_rejected;

static uint16_t crc16_update(uint16_t crc, uint8_t octet)
{
    unsigned bit;
    crc ^= (uint16_t)((uint16_t)octet << 8);
    for (bit = 0; bit < 8u; bit++)
        crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
    return crc;
}

static uint16_t put_byte(uint16_t crc, uint8_t b)
{
    fw_uart_put(b);
    return crc16_update(crc, b);
}

static void send_frame(uint8_t type, uint8_t seq, const uint8_t *payload, uint16_t length)
{
    uint16_t crc = 0xFFFFu, i;
    fw_uart_put(0xA5u);
    fw_uart_put(0x5Au);
    crc = put_byte(crc, type);
    crc = put_byte(crc, seq);
    crc = put_byte(crc, (uint8_t)(length & 0xFFu));
    crc = put_byte(crc, (uint8_t)(length >> 8));
    for (i = 0; i < length; i++)
        crc = put_byte(crc, payload[i]);
    fw_uart_put((uint8_t)(crc & 0xFFu));
    fw_uart_put((uint8_t)(crc >> 8));
}

static void send_error(uint8_t seq, uint8_t code, uint8_t detail)
{
    uint8_t p[2];
    p[0] = code;
    p[1] = detail;
    hil_rejected++;
    send_frame(HIL_ERROR, seq, p, 2u);
}

static void put_u16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v & 0xFFu);
    p[1] = (uint8_t)(v >> 8);
}

static void put_u32(uint8_t *p, uint32_t v)
{
    put_u16(p, (uint16_t)(v & 0xFFFFu));
    put_u16(p + 2, (uint16_t)(v >> 16));
}

/* Skips to the next "A5 5A": whatever came before belongs to no frame. */
static void hunt_sync(void)
{
    uint8_t b = fw_uart_get();
    for (;;) {
        while (b != 0xA5u)
            b = fw_uart_get();
        b = fw_uart_get();
        if (b == 0x5Au)
            return;
    }
}

static void answer_hello(uint8_t seq)
{
    static const char name[] = "${prefix}";
    uint8_t *p = hil_tx;
    p[0] = HIL_VERSION;
    p[1] = (uint8_t)sizeof(${inputType});
    put_u16(p + 2, ${PREFIX}_FEATURES);
    put_u16(p + 4, ${PREFIX}_NUM_CLASSES);
    put_u32(p + 6, HIL_FINGERPRINT);
    memcpy(p + 10, name, sizeof name - 1u);
    send_frame(HIL_HELLO_REPLY, seq, p, (uint16_t)(10u + sizeof name - 1u));
}

static void answer_infer(uint8_t seq)
{
    ${scoreType} scores[${PREFIX}_NUM_CLASSES];
    uint16_t cls = ${prefix}_classify(hil_rx.features, scores);
    uint32_t c, bits;
    put_u16(hil_tx, cls);
    for (c = 0; c < ${PREFIX}_NUM_CLASSES; c++) {
        memcpy(&bits, &scores[c], sizeof bits);
        put_u32(hil_tx + 2u + 4u * c, bits);
    }
    send_frame(HIL_RESULT, seq, hil_tx, HIL_RESULT_BYTES);
}

static void answer_stats(uint8_t seq)
{
    put_u32(hil_tx, (uint32_t)fw_stack_peak());
    put_u32(hil_tx + 4, hil_accepted);
    put_u32(hil_tx + 8, hil_rejected);
    send_frame(HIL_STATS_REPLY, seq, hil_tx, 12u);
}

int main(void)
{
    uint8_t expected = 0;
    fw_uart_init();
    for (;;) {
        uint8_t type, seq;
        uint16_t length, i, crc = 0xFFFFu, got;
        hunt_sync();
        type = fw_uart_get();
        seq = fw_uart_get();
        length = fw_uart_get();
        length = (uint16_t)(length | (uint16_t)fw_uart_get() << 8);
        crc = crc16_update(crc16_update(crc16_update(crc16_update(crc, type), seq),
                                        (uint8_t)(length & 0xFFu)), (uint8_t)(length >> 8));
        if (length > sizeof hil_rx.bytes) {
            send_error(seq, HIL_E_LENGTH, 0);
            continue;
        }
        for (i = 0; i < length; i++) {
            hil_rx.bytes[i] = fw_uart_get();
            crc = crc16_update(crc, hil_rx.bytes[i]);
        }
        got = fw_uart_get();
        got = (uint16_t)(got | (uint16_t)fw_uart_get() << 8);
        if (got != crc) {
            send_error(seq, HIL_E_CHECKSUM, 0);
            continue;
        }
        if (type == HIL_HELLO) {
            expected = seq;  /* a hello starts the numbering again */
        } else if (seq != expected) {
            send_error(seq, HIL_E_SEQUENCE, expected);
            continue;
        }
        if (type == HIL_INFER && length != HIL_INPUT_BYTES) {
            send_error(seq, HIL_E_SIZE, 0);
            continue;
        }
        expected = (uint8_t)(seq + 1u);
        hil_accepted++;
        switch (type) {
        case HIL_HELLO:
            answer_hello(seq);
            break;
        case HIL_INFER:
            answer_infer(seq);
            break;
        case HIL_STATS:
            answer_stats(seq);
            break;
        default:
            hil_accepted--;
            send_error(seq, HIL_E_TYPE, type);
            break;
        }
    }
}
