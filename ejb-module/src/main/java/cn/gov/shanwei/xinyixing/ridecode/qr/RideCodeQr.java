package cn.gov.shanwei.xinyixing.ridecode.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * Puts the binary ride code into a QR symbol and takes it out again, byte for byte.
 *
 * <p>The ride code is binary (signatures, keys, big-endian integers), so every step that treats it as text
 * is a chance to corrupt it. Three choices here follow from that:
 * <ul>
 *   <li>The bytes are handed to ZXing as an ISO-8859-1 string, the one charset that maps bytes 0x00–0xFF to
 *       chars 1:1, and ZXing encodes byte-mode content as ISO-8859-1 by default.</li>
 *   <li>No {@code EncodeHintType.CHARACTER_SET} hint is passed: ZXing 3.5 writes an ECI designator for
 *       <em>any</em> charset hint, even ISO-8859-1. The ECI adds nothing (ISO-8859-1 is the QR default for
 *       byte mode), costs 12 bits, and is not understood by every validator's decoder; the ministry format
 *       is plain byte mode.</li>
 *   <li>{@link #decode} returns ZXing's raw byte segments ({@link ResultMetadataType#BYTE_SEGMENTS}), never
 *       {@link Result#getText()}: without an ECI the decoder guesses a charset (UTF-8, Shift_JIS, …) for the
 *       text, which mangles bytes ≥ 0x80.</li>
 * </ul>
 * Error correction level M and a 4-module quiet zone, as the ride-code design asks. Plain Java (ZXing core
 * and {@code javax.imageio}) so it runs on any tier and in unit tests.
 */
public final class RideCodeQr {

    /** Error correction level of every ride-code symbol. */
    public static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;

    /** Light modules around the symbol; ISO/IEC 18004 asks for 4, and scanners rely on it. */
    public static final int QUIET_ZONE = 4;

    private static final int DARK = 0x000000;
    private static final int LIGHT = 0xFFFFFF;

    private RideCodeQr() {
    }

    /**
     * The QR symbol for {@code code} in byte mode, level M, as a black-and-white PNG.
     *
     * @param code       the ride-code bytes; a real ride code always starts with a version byte ≥ 0x80, which
     *                   keeps ZXing in byte mode
     * @param moduleSize pixels per module edge, at least 1
     * @throws IllegalArgumentException if the code is empty, too long for a QR symbol, or would not be
     *                                  encoded in byte mode (content that is only digits or only QR
     *                                  alphanumeric characters, which no ride code is)
     */
    public static byte[] png(byte[] code, int moduleSize) {
        return toPng(render(symbol(code), moduleSize));
    }

    /**
     * The symbol ZXing builds for {@code code}: version, mask and modules, before it is drawn. Package
     * visible so tests can check the version a payload needs without ZXing types leaking into the API.
     *
     * @throws IllegalArgumentException as for {@link #png}
     */
    static QRCode symbol(byte[] code) {
        if (code.length == 0) {
            throw new IllegalArgumentException("Ride code is empty");
        }
        QRCode symbol;
        try {
            symbol = Encoder.encode(new String(code, StandardCharsets.ISO_8859_1), ERROR_CORRECTION);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Ride code of " + code.length + " bytes does not fit a QR symbol at level "
                    + ERROR_CORRECTION + ": " + e.getMessage(), e);
        }
        if (symbol.getMode() != Mode.BYTE) {
            // decode() reads byte segments only; a numeric or alphanumeric symbol would come back empty.
            throw new IllegalArgumentException("Ride code would be encoded in " + symbol.getMode()
                    + " mode, not byte mode: it is not a ride code (no version byte >= 0x80)");
        }
        return symbol;
    }

    /**
     * The bytes in the QR symbol shown in a PNG (or any image format {@code javax.imageio} reads), taken from
     * the raw byte-mode segments.
     *
     * @throws IllegalArgumentException if the image cannot be read, holds no readable QR symbol, or the
     *                                  symbol has no byte-mode segment
     */
    public static byte[] decode(byte[] png) {
        Result result = read(readImage(png));
        @SuppressWarnings("unchecked")
        List<byte[]> segments = (List<byte[]>) result.getResultMetadata().get(ResultMetadataType.BYTE_SEGMENTS);
        if (segments == null || segments.isEmpty()) {
            throw new IllegalArgumentException("QR symbol has no byte-mode segment: not a ride code");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        segments.forEach(bytes::writeBytes);
        return bytes.toByteArray();
    }

    private static BufferedImage render(QRCode symbol, int moduleSize) {
        if (moduleSize < 1) {
            throw new IllegalArgumentException("Module size must be at least 1 pixel, got " + moduleSize);
        }
        ByteMatrix modules = symbol.getMatrix();
        int side = (modules.getWidth() + 2 * QUIET_ZONE) * moduleSize;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            int row = y / moduleSize - QUIET_ZONE;
            for (int x = 0; x < side; x++) {
                int column = x / moduleSize - QUIET_ZONE;
                boolean dark = row >= 0 && row < modules.getHeight() && column >= 0 && column < modules.getWidth()
                        && modules.get(column, row) == 1;
                image.setRGB(x, y, dark ? DARK : LIGHT);
            }
        }
        return image;
    }

    private static byte[] toPng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer in javax.imageio");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    private static BufferedImage readImage(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a readable image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IllegalArgumentException("Not a readable image");
        }
        return image;
    }

    /**
     * Finder-pattern detection first, as for a photo or screenshot; then, if that finds nothing, the
     * pure-barcode reader, which handles a clean rendered symbol even at one pixel per module, where the
     * detector gives up.
     */
    private static Result read(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        QRCodeReader reader = new QRCodeReader();
        try {
            return reader.decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (ReaderException detected) {
            try {
                return reader.decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
            } catch (ReaderException pure) {
                pure.addSuppressed(detected);
                throw new IllegalArgumentException("No readable QR symbol in the image ("
                        + detected.getClass().getSimpleName() + ")", pure);
            }
        }
    }
}
