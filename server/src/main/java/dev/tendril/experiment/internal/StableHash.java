package dev.tendril.experiment.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A contact's place in an experiment: SHA-256 of the experiment and contact ids, so the same pair
 * gives the same number on every node and after every restart, and different experiments split
 * the same contacts independently.
 */
final class StableHash {
    private StableHash() {}

    /** A number in [0, 1) spread uniformly over contacts. */
    static double unit(long experimentId, long contactId) {
        return (seed(experimentId, contactId) >>> 11) * 0x1.0p-53;
    }

    /** 64 well-mixed bits, e.g. to seed the random draws of one contact's bandit assignment. */
    static long seed(long experimentId, long contactId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("ex:" + experimentId + ":ct:" + contactId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
