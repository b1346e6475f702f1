package dev.tendril.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {
    static final byte[] KEY = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    /** The round function is SipHash-2-4: the reference implementation's vector for key 00..0f and message 00..07. */
    @Test
    void theRoundFunctionIsSipHash24() {
        assertThat(new IdPermutation(KEY).sipHash24(0x0706050403020100L)).isEqualTo(0x93f5f5799a932462L);
    }

    @Test
    void thePermutationIsInvertedExactly() {
        IdPermutation p = new IdPermutation(KEY);
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long x = i < 1000 ? i : random.nextLong();
            assertThat(p.invert(p.apply(x))).isEqualTo(x);
        }
        for (long x : List.of(Long.MIN_VALUE, -1L, Long.MAX_VALUE)) {
            assertThat(p.invert(p.apply(x))).isEqualTo(x);
        }
    }

    @Test
    void idsRoundTripAndAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (long id = 1; id <= 100_000; id++) {
            String text = Ids.CONTACT.format(id);
            assertThat(text).matches("ct_[0-9a-z]{13}");
            assertThat(Ids.CONTACT.parse(text)).hasValue(id);
            assertThat(seen.add(text)).as("a second %s", text).isTrue();
        }
        assertThat(Ids.CONTACT.parse(Ids.CONTACT.format(Long.MAX_VALUE))).hasValue(Long.MAX_VALUE);
    }

    /** Ids of rows made one after another are in no order and spread over the whole range: they tell no count. */
    @Test
    void idsShowNoOrder() {
        IdPermutation p = new IdPermutation(KEY);
        int n = 10_000;
        int ascending = 0;
        int topBitSet = 0;
        for (long id = 1; id <= n; id++) {
            ascending += Ids.CONTACT.format(id, p).compareTo(Ids.CONTACT.format(id + 1, p)) < 0 ? 1 : 0;
            topBitSet += p.apply(id) < 0 ? 1 : 0;
        }
        assertThat(ascending / (double) n).isBetween(0.47, 0.53);
        assertThat(topBitSet / (double) n).isBetween(0.47, 0.53);
        assertThat(Ids.CONTACT.format(1, p)).isNotEqualTo("ct_0000000000001");
    }

    /** The same key gives the same ids (a restart, another node); another key gives others. */
    @Test
    void idsDependOnTheKeyAlone() {
        byte[] other = KEY.clone();
        other[15] ^= 1;
        assertThat(Ids.SEGMENT.format(42, new IdPermutation(KEY.clone()))).isEqualTo(Ids.SEGMENT.format(42, new IdPermutation(KEY)))
                .isNotEqualTo(Ids.SEGMENT.format(42, new IdPermutation(other)));
        assertThatThrownBy(() -> new IdPermutation(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anythingButTheExactTextOfAnIdIsNoId() {
        String id = Ids.CONTACT.format(12345);
        String digits = id.substring(3);
        List<String> malformed = List.of("", "ct_", "ct_2s", "co_" + digits, digits, "ct_" + digits.toUpperCase(), "ct_" + digits + "0",
                "ct_" + digits.substring(1), "ct_+" + digits.substring(1), "ct_-" + digits.substring(1), "ct_zzzzzzzzzzzzz",
                "ct_" + digits.substring(0, 12) + "%", " " + id, id + " ");
        for (String text : malformed) {
            assertThat(Ids.CONTACT.parse(text)).as(text).isEmpty();
        }
        assertThat(Ids.CONTACT.parse(null)).isEmpty();
        assertThatThrownBy(() -> Ids.CONTACT.require("ct_2s")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void cursorsHideTheirRowIdToo() {
        Cursor cursor = new Cursor(null, 5);
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(new String(Base64.getUrlDecoder().decode(cursor.encode()))).isNotEqualTo("|5");
    }
}
