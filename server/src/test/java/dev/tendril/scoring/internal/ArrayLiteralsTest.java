package dev.tendril.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ArrayLiteralsTest {
    @Test
    void hundredthsAreWrittenAsFixedPointAndAnythingElseAsJavaWritesIt() {
        List<Double> values = List.of(0.0, 15.0, -30.0, 12.5, -0.05, 0.07, 99.25, 1234567.89, 1.0 / 3, 1e300);
        assertThat(ArrayLiterals.numbers(values, Double::doubleValue))
                .isEqualTo("{0.00,15.00,-30.00,12.50,-0.05,0.07,99.25,1234567.89," + (1.0 / 3) + "," + 1e300 + "}");
        assertThat(ArrayLiterals.numbers(List.<Double>of(), Double::doubleValue)).isEqualTo("{}");
    }

    @Test
    void everyWrittenNumberReadsBackAsTheSameDouble() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double value = i % 2 == 0 ? ScoreCalculator.round((random.nextDouble() - 0.5) * 2_000) : (random.nextDouble() - 0.5) * 2_000;
            StringBuilder out = new StringBuilder();
            ArrayLiterals.number(out, value);
            assertThat(Double.parseDouble(out.toString())).isEqualTo(value);
        }
    }

    @Test
    void roundingSkipsTheDecimalConversionOnlyWhereItWouldChangeNothing() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            double value = switch (i % 3) {
                case 0 -> random.nextInt(20_000) / 100.0;
                case 1 -> (random.nextInt(20_000) - 10_000) / 1000.0; // thousandths: half-up cases like 1.005
                default -> (random.nextDouble() - 0.5) * 200;
            };
            assertThat(ScoreCalculator.round(value)).as("%s", value)
                    .isEqualTo(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue() + 0.0);
        }
    }

    @Test
    void textsAreQuotedWithBackslashesAndQuotesEscaped() {
        assertThat(ArrayLiterals.texts(List.of("send pricing", "a,b", "say \"hi\"", "back\\slash", "NULL"), Function.identity()))
                .isEqualTo("{\"send pricing\",\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"NULL\"}");
        assertThat(ArrayLiterals.integers(List.of(3, -1, 12), Integer::intValue)).isEqualTo("{3,-1,12}");
    }
}
