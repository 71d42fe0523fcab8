package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-scan reading of a first value must give what the general path gives, always. */
class ObisValuesTest {

    private static double fast(String raw) {
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        return ObisValues.firstDecimal(b, 0, b.length);
    }

    private static double general(String raw) {
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        return ObisValues.decimal(b, 1, ObisValues.valueEnd(b, 1, b.length));
    }

    @Test
    void readsTheUsualValuesAndScalesWattsToKilowatts() {
        assertThat(fast("(000123.456*kWh)")).isEqualTo(123.456);
        assertThat(fast("(000747.85*W)")).isEqualTo(0.74785);
        assertThat(fast("(006545766*Wh)")).isEqualTo(6545.766);
        assertThat(fast("(00000000)")).isEqualTo(0.0);
        assertThat(fast("(12.5)(3*kW)")).isEqualTo(12.5);
        assertThat(fast("()")).isNaN();
        assertThat(fast("(1.2.3*kW)")).isNaN();
    }

    @Test
    void givesWhatTheGeneralPathGivesForAnyValue() {
        List<String> values = new ArrayList<>(List.of("( 1.5*kW)", "(1.5 *kW)", "(1.5* W)", "(1,5*kW)", "(-1.5*kW)",
                "(+2*kW)", "(99999999999999999999*kWh)", "(9007199254740993)", "(1.*kW)", "(.5*kW)", "(1.5*W )",
                "(1.5*Wh)x", "(12", "(1.5*kWh", "(1.5*w)", "(*kWh)", "(1.5**W)"));
        String alphabet = "0123456789.,*Wh k)( -+mVA";
        Random random = new Random(14);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder v = new StringBuilder("(");
            for (int i = random.nextInt(14); i > 0; i--) v.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (random.nextBoolean()) v.append(')');
            values.add(v.toString());
        }
        for (String v : values)
            assertThat(Double.doubleToLongBits(fast(v))).as(v).isEqualTo(Double.doubleToLongBits(general(v)));
    }
}
