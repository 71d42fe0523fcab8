package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedTextsTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theSameBytesGiveTheSameStringWhereverTheyStand() {
        SharedTexts texts = new SharedTexts(8);
        String first = texts.of(bytes("x1-0:1.8.1("), 1, 10);
        assertThat(first).isEqualTo("1-0:1.8.1");
        assertThat(texts.of(bytes("1-0:1.8.1"), 0, 9)).isSameAs(first);
        assertThat(texts.of(bytes("1-0:1.8.2"), 0, 9)).isEqualTo("1-0:1.8.2").isNotSameAs(first);
        assertThat(texts.of(bytes("caf\u00e9"), 0, 4)).isEqualTo("caf\u00e9").isSameAs(texts.of(bytes("caf\u00e9"), 0, 4));
        assertThat(texts.of(bytes(""), 0, 0)).isEmpty();
    }

    @Test
    void keepsNoMoreThanItsCapacityNorLongTexts() {
        SharedTexts texts = new SharedTexts(4);
        for (int i = 0; i < 4; i++) texts.of(bytes("code" + i), 0, 5);
        String fifth = texts.of(bytes("code9"), 0, 5);
        assertThat(texts.of(bytes("code9"), 0, 5)).isEqualTo(fifth).isNotSameAs(fifth);      // full: made anew
        assertThat(texts.of(bytes("code0"), 0, 5)).isSameAs(texts.of(bytes("code0"), 0, 5));
        byte[] message = bytes("m".repeat(SharedTexts.MAX_LENGTH + 1));
        assertThat(texts.of(message, 0, message.length)).isNotSameAs(texts.of(message, 0, message.length));
        assertThatThrownBy(() -> new SharedTexts(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParserHandsOutOneStringPerRepeatedValue() {
        TelegramParser parser = new TelegramParser();
        String text = Telegrams.body("dsmr-5.0");
        Reading a = (Reading) parser.parse(new Telegram(text, true, 0));
        Reading b = (Reading) parser.parse(new Telegram(text, true, 0));
        assertThat(b.header()).isSameAs(a.header());
        assertThat(b.equipmentId()).isNotNull().isSameAs(a.equipmentId());
        assertThat(b.version()).isSameAs(a.version());
    }
}
