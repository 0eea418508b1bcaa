package dev.fgc.hil;

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final xor). */
public final class Crc16 {
    private Crc16() {
    }

    public static int update(int crc, int octet) {
        crc ^= (octet & 0xFF) << 8;
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
        }
        return crc & 0xFFFF;
    }

    public static int of(byte[] b, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = update(crc, b[i]);
        }
        return crc;
    }
}
