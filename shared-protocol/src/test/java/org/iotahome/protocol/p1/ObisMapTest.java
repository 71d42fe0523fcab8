package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObisMapTest {

    @Test
    void keepsTelegramOrderAndLetsALaterLineReplaceAnEarlierOneInPlace() {
        ObisMap map = new ObisMap();
        for (int i = 0; i < 100; i++) map.add("0-0:96.13." + i, "(" + i + ")");
        map.add(new String("0-0:96.13.5"), "(again)");       // equal, not the same String
        assertThat(map).hasSize(100);
        assertThat(map.get("0-0:96.13.5")).isEqualTo("(again)");
        assertThat(map.keySet()).first().isEqualTo("0-0:96.13.0");
        assertThat(map.containsKey("0-0:96.13.99")).isTrue();
        assertThat(map.containsKey("1-0:1.8.1")).isFalse();
        assertThat(map.get(42)).isNull();
        Map<String, String> same = new LinkedHashMap<>(map);
        assertThat(map).isEqualTo(same);
        assertThat(map.hashCode()).isEqualTo(same.hashCode());
    }

    @Test
    void cannotBeChangedFromOutside() {
        ObisMap map = new ObisMap();
        map.add("1-0:1.8.1", "(1*kWh)");
        assertThatThrownBy(() -> map.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("z"))
                .isInstanceOf(UnsupportedOperationException.class);
        Map<String, String> copied = ObisMap.readOnly(new LinkedHashMap<>(Map.of("a", "b")));
        assertThatThrownBy(() -> copied.put("c", "d")).isInstanceOf(UnsupportedOperationException.class);
    }
    @Test
    void cutsSpannedValuesOutOfTheTelegramOnlyWhenRead() {
        String telegram = "1-0:1.8.1(000123.456*kWh)\r\n0-1:24.3.0(161107190000)(m3)";
        ObisMap map = new ObisMap(telegram);
        map.add("1-0:1.8.1", 9, 25);
        map.add("0-1:24.3.0", "(161107190000)(m3)(00001.001)");     // a 2.2 object joined over lines
        map.add("1-0:1.8.1", 9, 18);                                // a later line replaces in place
        assertThat(map).containsExactly(Map.entry("1-0:1.8.1", "(000123.4"),
                Map.entry("0-1:24.3.0", "(161107190000)(m3)(00001.001)"));
        assertThatThrownBy(() -> new ObisMap().add("x", 0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLookupBeforeTheLastLineStillFindsEveryLine() {
        String telegram = "1-0:1.8.1(000123.456*kWh)\r\n1-0:1.8.2(000001.000*kWh)";
        ObisMap map = new ObisMap(telegram);
        map.add("1-0:1.8.1", 9, 25);
        assertThat(map.get("1-0:1.8.1")).isEqualTo("(000123.456*kWh)");     // builds the index
        map.add("1-0:1.8.2", 36, 52);                                       // and a later line is still found
        assertThat(map.get("1-0:1.8.2")).isEqualTo("(000001.000*kWh)");
        assertThat(map.containsKey("1-0:2.8.1")).isFalse();
    }

    @Test
    void spansOfATelegramOver64KiBAreNotCutShort() {
        String telegram = "1-0:1.8.1(1)" + "x".repeat(70_000) + "0-0:96.13.0(" + "41".repeat(10) + ")";
        int far = telegram.indexOf("(4");
        ObisMap map = new ObisMap(telegram);
        map.add("1-0:1.8.1", 9, 12);
        map.add("0-0:96.13.0", far, telegram.length());
        assertThat(map.get("1-0:1.8.1")).isEqualTo("(1)");
        assertThat(map.get("0-0:96.13.0")).isEqualTo("(" + "41".repeat(10) + ")");
        assertThatThrownBy(() -> map.add("x", 5, telegram.length() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
