package dev.tendril.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyTextTest {
    @Test
    void escapesWhatCopyTextFormatTreatsSpecially() {
        String row = new CopyText().value(7).value((String) null).value("a\tb\\c\nd\re\0f").endRow().toString();
        assertThat(row).isEqualTo("7\t\\N\ta\\tb\\\\c\\nd\\re" + "f\n");
    }
}
