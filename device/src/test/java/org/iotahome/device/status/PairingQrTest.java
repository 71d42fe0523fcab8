package org.iotahome.device.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.Test;

class PairingQrTest {

    private static final String TEXT = new PairingText(MailboxAddress.of("S".repeat(81)), new DeviceSecret("PAIRING9SECRET9FOR9THE9TEST")).format();

    /** What a phone's camera does: the drawn modules, as pixels, read back by a QR reader. */
    private static String readBack(BitMatrix m) throws Exception {
        int scale = 4;
        int w = m.getWidth() * scale;
        int h = m.getHeight() * scale;
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                pixels[y * w + x] = m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)))).getText();
    }

    @Test
    void theCodeReadsBackAsThePairingText() throws Exception {
        assertThat(readBack(PairingQr.matrix(TEXT))).isEqualTo(TEXT);
    }

    @Test
    void theSvgDrawsEveryDarkModuleAndNothingElse() {
        BitMatrix m = PairingQr.matrix(TEXT);
        int dark = 0;
        for (int y = 0; y < m.getHeight(); y++)
            for (int x = 0; x < m.getWidth(); x++)
                if (m.get(x, y)) dark++;
        String svg = PairingQr.svg(TEXT, 320);
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight() + "\"");
        assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
        assertThat(svg).doesNotContain(TEXT);                    // the secret is only in the drawing
    }
}
