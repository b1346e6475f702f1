package dev.tendril.platform;

/**
 * A keyed permutation of 64-bit numbers, so API ids show nothing of the row ids behind them (how many rows
 * exist, in which order they were made): a four-round Feistel network over two 32-bit halves whose round
 * function is SipHash-2-4, a keyed pseudorandom function made for short inputs. Four rounds of a
 * pseudorandom function make a strong pseudorandom permutation (Luby and Rackoff).
 */
public final class IdPermutation {
    public static final int KEY_BYTES = 16;
    private static final int ROUNDS = 4;

    private final long k0;
    private final long k1;

    public IdPermutation(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an id key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        k0 = littleEndian(key, 0);
        k1 = littleEndian(key, 8);
    }

    public long apply(long value) {
        int left = (int) (value >>> 32);
        int right = (int) value;
        for (int round = 0; round < ROUNDS; round++) {
            int next = left ^ roundFunction(round, right);
            left = right;
            right = next;
        }
        return (long) left << 32 | right & 0xffffffffL;
    }

    public long invert(long value) {
        int left = (int) (value >>> 32);
        int right = (int) value;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            int previous = right ^ roundFunction(round, left);
            right = left;
            left = previous;
        }
        return (long) left << 32 | right & 0xffffffffL;
    }

    private int roundFunction(int round, int half) {
        return (int) sipHash24((long) round << 32 | half & 0xffffffffL);
    }

    /** SipHash-2-4 of one 8-byte message (the word in little-endian order), as in the reference implementation. */
    long sipHash24(long message) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        long[] v = {v0, v1, v2, v3};
        v[3] ^= message;
        sipRound(v);
        sipRound(v);
        v[0] ^= message;
        long last = 8L << 56; // the message length in the top byte; no bytes left over
        v[3] ^= last;
        sipRound(v);
        sipRound(v);
        v[0] ^= last;
        v[2] ^= 0xff;
        for (int i = 0; i < 4; i++) {
            sipRound(v);
        }
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void sipRound(long[] v) {
        v[0] += v[1];
        v[1] = Long.rotateLeft(v[1], 13) ^ v[0];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[3];
        v[3] = Long.rotateLeft(v[3], 16) ^ v[2];
        v[0] += v[3];
        v[3] = Long.rotateLeft(v[3], 21) ^ v[0];
        v[2] += v[1];
        v[1] = Long.rotateLeft(v[1], 17) ^ v[2];
        v[2] = Long.rotateLeft(v[2], 32);
    }

    private static long littleEndian(byte[] bytes, int from) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | bytes[from + i] & 0xff;
        }
        return value;
    }
}
