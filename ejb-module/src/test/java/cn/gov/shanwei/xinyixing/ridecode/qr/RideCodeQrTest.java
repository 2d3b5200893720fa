package cn.gov.shanwei.xinyixing.ridecode.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.Encoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RideCodeQrTest {

    /** A ride code with a short card-data field is about this long (design: "In the QR symbol"). */
    private static final int RIDE_CODE_LENGTH = 340;

    /**
     * A payload of {@code length} bytes holding every byte value 0x00–0xFF at least once, in random order,
     * the rest random, and starting with a byte ≥ 0x80 like a ride code's version byte.
     */
    static byte[] allByteValues(long seed, int length) {
        Random random = new Random(seed);
        List<Byte> values = new ArrayList<>(length);
        for (int value = 0; value < 256; value++) {
            values.add((byte) value);
        }
        while (values.size() < length) {
            values.add((byte) random.nextInt(256));
        }
        Collections.shuffle(values, random);
        Collections.swap(values, 0, values.indexOf((byte) 0x81));
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = values.get(i);
        }
        return payload;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20251126, -7})
    void everyByteValueSurvivesEncodeAndDecode(long seed) {
        byte[] payload = allByteValues(seed, RIDE_CODE_LENGTH);

        byte[] decoded = RideCodeQr.decode(RideCodeQr.png(payload, 4));

        assertArrayEquals(payload, decoded);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void decodesAtSeveralModuleSizes(int moduleSize) {
        byte[] payload = allByteValues(moduleSize, RIDE_CODE_LENGTH);

        assertArrayEquals(payload, RideCodeQr.decode(RideCodeQr.png(payload, moduleSize)));
    }

    @Test
    void imageIsTheSymbolPlusAFourModuleQuietZone() throws Exception {
        byte[] payload = allByteValues(5, RIDE_CODE_LENGTH);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(RideCodeQr.png(payload, 3)));

        int modules = RideCodeQr.symbol(payload).getVersion().getDimensionForVersion();
        assertEquals((modules + 2 * RideCodeQr.QUIET_ZONE) * 3, image.getWidth());
        assertEquals(image.getWidth(), image.getHeight());
        for (int i = 0; i < RideCodeQr.QUIET_ZONE * 3; i++) {
            assertEquals(0xFFFFFF, image.getRGB(i, i) & 0xFFFFFF, "quiet zone must be light");
        }
        // The top-left finder pattern starts right after the quiet zone with a dark module.
        int first = RideCodeQr.QUIET_ZONE * 3;
        assertEquals(0x000000, image.getRGB(first, first) & 0xFFFFFF);
    }

    /**
     * The design says "about 340 bytes … version 12" at level M. ZXing's tables say otherwise: at level M
     * version 12 holds at most 287 bytes in byte mode and 340 bytes need version 14 (73 × 73 modules, up to
     * 362 bytes). Version 12 is what 340 bytes need at level L (up to 367 bytes). This pins what we really
     * produce so validator screens and display sizes are planned for version 14.
     */
    @Test
    void rideCodeOf340BytesNeedsVersion14AtLevelM() throws Exception {
        byte[] payload = allByteValues(11, RIDE_CODE_LENGTH);
        String latin1 = new String(payload, StandardCharsets.ISO_8859_1);

        assertEquals(14, Encoder.encode(latin1, ErrorCorrectionLevel.M).getVersion().getVersionNumber());
        assertEquals(14, RideCodeQr.symbol(payload).getVersion().getVersionNumber());
        assertEquals(ErrorCorrectionLevel.M, RideCodeQr.symbol(payload).getECLevel());
        assertEquals(Mode.BYTE, RideCodeQr.symbol(payload).getMode());
        assertEquals(73, RideCodeQr.symbol(payload).getVersion().getDimensionForVersion());

        assertEquals(287, byteModeCapacity(12, ErrorCorrectionLevel.M));
        assertEquals(331, byteModeCapacity(13, ErrorCorrectionLevel.M));
        assertEquals(362, byteModeCapacity(14, ErrorCorrectionLevel.M));
        assertEquals(367, byteModeCapacity(12, ErrorCorrectionLevel.L));
        assertEquals(12, Encoder.encode(latin1, ErrorCorrectionLevel.L).getVersion().getVersionNumber());
    }

    /** Bytes a byte-mode segment holds: data codewords minus the 4-bit mode and 16-bit count (versions 10–26). */
    private static int byteModeCapacity(int versionNumber, ErrorCorrectionLevel level) {
        Version version = Version.getVersionForNumber(versionNumber);
        int dataCodewords = version.getTotalCodewords() - version.getECBlocksForLevel(level).getTotalECCodewords();
        return (dataCodewords * 8 - 4 - Mode.BYTE.getCharacterCountBits(version)) / 8;
    }

    /**
     * Why {@link RideCodeQr#decode} reads BYTE_SEGMENTS: the same symbol read through {@link Result#getText()}
     * has lost the bytes ≥ 0x80. Without an ECI, ZXing guesses a charset for the text; for binary data it
     * falls back to UTF-8, and every byte that is not part of a valid UTF-8 sequence becomes U+FFFD, which no
     * re-encoding can undo. A payload of bytes below 0x80 only would have survived the text route.
     */
    @Test
    void textRoundTripCorruptsHighBytesSoDecodeUsesByteSegments() throws Exception {
        byte[] payload = allByteValues(13, RIDE_CODE_LENGTH);
        Result result = zxingRead(RideCodeQr.png(payload, 4));

        String text = result.getText();
        assertTrue(text.indexOf('\uFFFD') >= 0, "bytes >= 0x80 became replacement characters");
        assertFalse(Arrays.equals(payload, text.getBytes(StandardCharsets.UTF_8)));
        assertFalse(Arrays.equals(payload, text.getBytes(StandardCharsets.ISO_8859_1)));

        @SuppressWarnings("unchecked")
        List<byte[]> segments = (List<byte[]>) result.getResultMetadata().get(ResultMetadataType.BYTE_SEGMENTS);
        assertEquals(1, segments.size());
        assertArrayEquals(payload, segments.get(0));

        byte[] ascii = new byte[RIDE_CODE_LENGTH];
        Random random = new Random(13);
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) random.nextInt(0x80);
        }
        ascii[0] = 0x00; // keeps ZXing in byte mode
        String asciiText = zxingRead(RideCodeQr.png(ascii, 4)).getText();
        assertArrayEquals(ascii, asciiText.getBytes(StandardCharsets.UTF_8), "low bytes alone survive as text");
    }

    /**
     * No ECI in the symbol: symbology identifier ]Q1 (plain model 2) rather than ]Q2 (ECI present). Passing
     * ZXing a CHARACTER_SET hint, even ISO-8859-1, would have added one — shown here so nobody "fixes" it.
     */
    @Test
    void symbolCarriesNoEciDesignator() throws Exception {
        byte[] payload = allByteValues(17, RIDE_CODE_LENGTH);

        assertEquals("]Q1", zxingRead(RideCodeQr.png(payload, 4))
                .getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER));

        BitMatrix withHint = new QRCodeWriter().encode(new String(payload, StandardCharsets.ISO_8859_1),
                BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1", EncodeHintType.ERROR_CORRECTION,
                        ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        Result hinted = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance(withHint))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        assertEquals("]Q2", hinted.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER));
    }

    @Test
    void rejectsWhatIsNoRideCode() {
        assertThrows(IllegalArgumentException.class, () -> RideCodeQr.png(new byte[0], 4));
        assertThrows(IllegalArgumentException.class, () -> RideCodeQr.png(new byte[] {(byte) 0x81}, 0));
        assertThrows(IllegalArgumentException.class, () -> RideCodeQr.png(new byte[3000], 4), "too big for a QR symbol");
        assertThrows(IllegalArgumentException.class,
                () -> RideCodeQr.png("12345".getBytes(StandardCharsets.US_ASCII), 4), "would be numeric mode");
        assertThrows(IllegalArgumentException.class, () -> RideCodeQr.decode(new byte[] {1, 2, 3}));
    }

    @Test
    void rejectsAnImageWithoutASymbol() throws Exception {
        BufferedImage blank = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", png);

        assertThrows(IllegalArgumentException.class, () -> RideCodeQr.decode(png.toByteArray()));
    }

    private static Result zxingRead(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }

    private static RGBLuminanceSource luminance(BitMatrix matrix) {
        int[] pixels = new int[matrix.getWidth() * matrix.getHeight()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                pixels[y * matrix.getWidth() + x] = matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        return new RGBLuminanceSource(matrix.getWidth(), matrix.getHeight(), pixels);
    }
}
