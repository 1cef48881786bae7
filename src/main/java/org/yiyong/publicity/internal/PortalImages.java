package org.yiyong.publicity.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.stereotype.Component;
import org.yiyong.files.Attachment;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.InvalidField;

/**
 * Pictures for the portal. Each is decoded from its content (whatever its name says) and drawn again into a new
 * JPEG (or PNG when it has transparency) no larger than {@value #MAX_SIDE} pixels a side: nothing of the original
 * file survives but its pixels — no EXIF location, no camera serial, no hidden payload. A file that is not a
 * JPEG, PNG, GIF or BMP picture, or is absurdly large, is refused with the reason.
 */
@Component
public class PortalImages {

    static final int MAX_SIDE = 1600;
    private static final long MAX_PIXELS = 50_000_000L;
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final Attachments attachments;

    PortalImages(Attachments attachments) {
        this.attachments = attachments;
    }

    /** Cleans the picture and keeps it as an attachment of the record. */
    public Attachment store(CurrentUser me, String ownerType, long ownerId, String originalName, InputStream content) {
        byte[] cleaned = reencode(content);
        String base = originalName == null ? "" : originalName.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
        boolean png = cleaned.length > 1 && (cleaned[0] & 0xFF) == 0x89;
        String name = (base.isBlank() ? "图片" : base) + (png ? ".png" : ".jpg");
        return attachments.store(me, ownerType, ownerId, name, new ByteArrayInputStream(cleaned));
    }

    /** The picture drawn again, without anything but its pixels. */
    static byte[] reencode(InputStream content) {
        try {
            byte[] bytes = content.readNBytes(MAX_BYTES + 1);
            if (bytes.length == 0) {
                throw new InvalidField("file", "file.empty");
            }
            if (bytes.length > MAX_BYTES) {
                throw new InvalidField("file", "portal.image.too-large");
            }
            BufferedImage image = decode(bytes);
            BufferedImage scaled = scale(image);
            return scaled.getColorModel().hasAlpha() ? png(scaled) : jpeg(scaled);
        } catch (IOException unreadable) {
            throw new InvalidField("file", "portal.image.unreadable");
        }
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new InvalidField("file", "portal.image.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new InvalidField("file", "portal.image.too-large");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new InvalidField("file", "portal.image.unreadable");
                }
                return image;
            } catch (RuntimeException broken) {
                if (broken instanceof InvalidField invalid) {
                    throw invalid;
                }
                throw new InvalidField("file", "portal.image.unreadable");
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage scale(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * factor));
        int h = Math.max(1, (int) Math.round(height * factor));
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage drawn = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = drawn.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, w, h, null);
        } finally {
            graphics.dispose();
        }
        return drawn;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
