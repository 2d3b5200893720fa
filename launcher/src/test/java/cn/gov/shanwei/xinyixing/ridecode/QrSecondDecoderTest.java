package cn.gov.shanwei.xinyixing.ridecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.gov.shanwei.xinyixing.ridecode.qr.RideCodeQr;

/**
 * A ride-code symbol drawn by {@link RideCodeQr} (ZXing) read by jsQR, a decoder written independently of
 * ZXing. Bus validators and other apps do not use our decoder, so a symbol only ZXing can read back is not
 * good enough; and the bytes must come back exactly, including every value ≥ 0x80.
 */
class QrSecondDecoderTest {

    private static final int RIDE_CODE_LENGTH = 340;

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void jsQrReadsTheIdenticalBytes(int moduleSize) throws IOException {
        byte[] payload = allByteValues(moduleSize, RIDE_CODE_LENGTH);
        Path png = Files.write(folder.resolve("ride-code.png"), RideCodeQr.png(payload, moduleSize));

        String json = NodeScript.run("qr-decode.js", "", png.toString());

        assertEquals(HexFormat.of().formatHex(payload), NodeScript.stringField(json, "binaryHex"));
        assertEquals(14, NodeScript.intField(json, "version"), "340 bytes at level M need version 14");
        assertTrue(json.contains("\"eci\":[]"), () -> "no ECI designator expected: " + json);
    }

    /** Every byte value 0x00–0xFF in random order, padded with random bytes, led by a version byte 0x81. */
    private static byte[] allByteValues(long seed, int length) {
        Random random = new Random(seed);
        List<Byte> values = new ArrayList<>(length);
        for (int value = 0; value < 256; value++) {
            values.add((byte) value);
        }
        while (values.size() < length) {
            values.add((byte) random.nextInt(256));
        }
        Collections.shuffle(values, random);
        int lead = values.indexOf((byte) 0x81);
        Collections.swap(values, 0, lead);
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = values.get(i);
        }
        return payload;
    }
}
