package org.yiyong.honours.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;
import org.yiyong.documents.PdfDocuments;

/**
 * The certificate of an honour as PDF: holder, title, granting body, date and number, with a QR code
 * that opens the public page confirming the certificate is genuine.
 */
@Component
class Certificates {

    private final PdfDocuments documents;
    private final HonourProperties properties;

    Certificates(PdfDocuments documents, HonourProperties properties) {
        this.documents = documents;
        this.properties = properties;
    }

    byte[] render(Honour honour, Title title, String holder, java.util.List<String> members) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("honour", honour);
        variables.put("title", title);
        variables.put("holder", holder);
        variables.put("members", members);
        variables.put("decidedOn", PdfDocuments.officialDate(honour.getDecidedOn()));
        variables.put("verificationUrl", properties.verificationUrl(honour.getVerificationCode()));
        variables.put("qr", qrDataUri(properties.verificationUrl(honour.getVerificationCode())));
        return documents.render("honours/certificate", variables);
    }

    static String qrDataUri(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("QR code for " + text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
